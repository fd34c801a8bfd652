import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { transport } from '@/utils/transport';
import { readSavedReport } from '@/utils/saved-tab';
import type { TabReport } from '@/utils/model/tab-report';
import { Popup } from '@/components/popup/Popup';
import { addableOrigin, siteToAddHash } from '@/components/options/site-to-add';
import theme from '@/components/theme.css?inline';

async function withSavedReport(tabId: number | undefined): Promise<{ tabId: number | undefined; saved?: TabReport }> {
  // Read from storage when the background saved it: a sleeping service worker would take longer to answer.
  return { tabId, saved: tabId === undefined ? undefined : await readSavedReport(tabId) };
}

// `popup.html?tab=ID` shows tab ID (tests and the scanner use it); otherwise the active tab.
// The first request goes out before the rest of this file runs: its answer takes milliseconds,
// and the lines below use them.
const param = new URLSearchParams(location.search).get('tab');
const target =
  param === null
    ? browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => withSavedReport(tab?.id))
    : withSavedReport(/^\d+$/.test(param) ? Number(param) : undefined);

// The styles come with the script rather than as a stylesheet of their own: every file the popup
// loads is one more request to the browser before the first paint, and they are needed for it.
document.head.append(Object.assign(document.createElement('style'), { textContent: theme }));
// Screen readers pick voice and pronunciation from the page's language: the messages' one, not the HTML's default.
document.documentElement.lang = i18n.t('lang');
document.title = i18n.t('extName');
const openOptions = () => void browser.runtime.openOptionsPage();
// The user's country as the browser's language implies it ("en-US" → US): entries for it come first.
const region = (() => {
  try {
    return new Intl.Locale(navigator.language).maximize().region;
  } catch {
    return undefined;
  }
})();

/**
 * Options with the tab's site filled in. The address is readable because opening the popup grants
 * activeTab; where it is not (an http page, no grant), options open as usual.
 */
async function addSite(tabId: number | undefined) {
  const origin = tabId === undefined ? undefined : addableOrigin((await browser.tabs.get(tabId).catch(() => undefined))?.url);
  if (!origin) return openOptions();
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html') + siteToAddHash(origin) });
  window.close();
}

void target.then(({ tabId, saved }) =>
  render(<Popup transport={transport} tabId={tabId} saved={saved} region={region} onOpenOptions={openOptions} onAddSite={() => void addSite(tabId)} />, document.getElementById('app')!),
);
