import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROME_BUILD, launchExtension, savedTab, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';

/**
 * The opt-in other direction, end to end in Chromium: nothing is asked or read by default; once
 * the user's grant is in place, a tax site's page loading Meta's Pixel gets a badge and a popup
 * that says which way the data goes; a real buy-now-pay-later firm's page whose own bootstrap injects Google
 * Analytics is seen through the tag it injects; turning the option off takes it all away.
 */

const TAX_SITE = 'https://www.taxact.com/';
// Written by us to prove the mechanism: the Pixel's loader as Meta documents it ships (a script it
// inserts, and the event request it makes), here with no network behind it.
const taxPage = `<!doctype html><title>File your taxes</title>
<script>
  (function (d) {
    var s = d.createElement('script'); s.async = true; s.src = 'https://connect.facebook.net/en_US/fbevents.js';
    d.head.appendChild(s);
    var i = new Image(); i.src = 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1';
  })(document);
</script>
<main><h1>Start your return</h1><a href="https://www.facebook.com/TaxAct">Follow us</a></main>`;
const AFFIRM = 'https://www.affirm.com/';
const affirmPage = await readFile(resolve('test/fixtures/real-financial/affirm-home-2018.html'), 'utf8');
/** Granted up front in this copy of the build: automation cannot answer the browser's prompt. */
const GRANTED = ['https://*.taxact.com/*', 'https://*.affirm.com/*'];

/** Opens a page and finds its tab by what is new: without a grant, the browser rightly hides the tab's URL from us. */
async function visit(session: ExtensionSession, url: string) {
  const worker = await session.currentWorker();
  const tabIds = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const before = new Set(await tabIds());
  const page = await session.context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  const tabId = (await tabIds()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab for ${url}`);
  return { page, tabId, requests };
}

type Saved = { firm?: string; detections: { ruleId: string; partners: string[]; signals: { kind: string; evidence: string }[] }[]; findings: { arrangementId: string }[] };

describe('financial sites, by default', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await servePages(session.context, { [TAX_SITE]: taxPage });
  });
  afterAll(() => session?.close());

  it('asks for nothing at install, registers nothing and reads no financial page', async () => {
    const manifest = JSON.parse(await readFile(join(CHROME_BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts.flatMap((c: { js: string[] }) => c.js)).toEqual(['content-scripts/social.js']);
    expect(manifest.permissions).toEqual(['storage', 'activeTab']);
    const worker = await session.currentWorker();
    const { page, tabId } = await visit(session, TAX_SITE);
    await page.waitForTimeout(1500);
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['https://*.taxact.com/*'] }))).toBe(false);
    expect(await savedTab(session, tabId)).toBeUndefined();
    expect(await session.badgeOf(tabId)).toBe('');
    await page.close();
  });
});

describe('financial sites, once the user has allowed them', () => {
  let session: ExtensionSession;
  let build: string;
  beforeAll(async () => {
    build = await mkdtemp(join(tmpdir(), 'ledgerlight-financial-'));
    await cp(CHROME_BUILD, build, { recursive: true });
    const manifest = JSON.parse(await readFile(join(build, 'manifest.json'), 'utf8'));
    manifest.permissions.push('scripting');
    manifest.host_permissions.push(...GRANTED);
    await writeFile(join(build, 'manifest.json'), JSON.stringify(manifest));
    session = await launchExtension({ extensionPath: build });
    await servePages(session.context, { [TAX_SITE]: taxPage, [AFFIRM]: affirmPage });
    const worker = await session.currentWorker();
    // What the options page saves once the browser has granted the firms' domains.
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), financialSites: 'firms' } });
    });
  });
  afterAll(async () => {
    await session?.close();
    await rm(build, { recursive: true, force: true });
  });

  const registered = async () =>
    (await session.currentWorker()).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, [...(s.matches ?? [])].sort(), s.js]));

  it('registers the financial script on exactly the granted firms’ domains', async () => {
    await expect.poll(registered, { timeout: 10_000 }).toEqual([['ledgerlight-financial', [...GRANTED].sort(), ['content-scripts/financial.js']]]);
  });

  it('sees Meta’s Pixel on a tax site, finds the arrangement, and says which way the data goes', async () => {
    const { page, tabId, requests } = await visit(session, TAX_SITE);
    const badge = await settledBadge(session, tabId);
    const state = await savedTab<Saved>(session, tabId);
    expect(state?.firm).toBe('taxact');
    const pixel = state!.detections.find((d) => d.ruleId === 'meta-pixel')!;
    expect(pixel.partners).toEqual(['meta']);
    // Both ways of seeing it: the script element, and the request the page already made.
    expect(pixel.signals).toEqual(
      expect.arrayContaining([
        { kind: 'script', evidence: 'connect.facebook.net/en_US/fbevents.js' },
        { kind: 'request', evidence: 'www.facebook.com/tr' },
      ]),
    );
    expect(state!.findings.map((f) => f.arrangementId)).toEqual(['meta-pixel-taxact-tax-data-2022']);
    // The TaxAct entry is under investigation, not in force: the badge shows the neutral mark, as on a social page.
    expect(badge).toBe('•');
    // Only the page's own requests: the extension made none.
    expect(new Set(requests.map((u) => new URL(u).host))).toEqual(new Set(['www.taxact.com', 'connect.facebook.net', 'www.facebook.com']));

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('direction').textContent(), { timeout: 10_000 }).toContain('TaxAct’s page sends what you do here to Meta Platforms.');
    await Promise.all([popup.close(), page.close()]);
  });

  it('sees Google Analytics that a real BNPL firm’s page injects through its own bootstrap, and invents no arrangement', async () => {
    const { page, tabId } = await visit(session, AFFIRM);
    await expect.poll(async () => (await savedTab<Saved>(session, tabId))?.detections.map((d) => d.ruleId), { timeout: 10_000 }).toEqual(['google-analytics']);
    const state = await savedTab<Saved>(session, tabId);
    expect(state?.firm).toBe('affirm');
    expect(state?.findings).toEqual([]);
    // A feature found with no arrangement known: the neutral mark, not a count.
    expect(await session.badgeOf(tabId)).toBe('•');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('direction').textContent(), { timeout: 10_000 }).toContain('Affirm’s page loads Google’s tracking code; no arrangement is known.');
    await Promise.all([popup.close(), page.close()]);
  });

  it('turned off: unregisters the script, and a firm’s page is read no more', async () => {
    const worker = await session.currentWorker();
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), financialSites: 'off' } });
    });
    await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
    const { page, tabId } = await visit(session, TAX_SITE);
    await page.waitForTimeout(1500);
    expect(await savedTab(session, tabId)).toBeUndefined();
    expect(await session.badgeOf(tabId)).toBe('');
    await page.close();
  });
});
