import { browser } from 'wxt/browser';

/**
 * Shows a tab's findings when its in-page marker asks. The toolbar popup is what the user knows;
 * where the browser will not open it (no focused window, an older browser), the same page opens
 * in a tab of its own, pointed at the tab the marker came from.
 */
export async function showDetails(tabId: number): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
  }
}
