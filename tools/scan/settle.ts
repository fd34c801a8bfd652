import type { Page } from 'playwright-core';

/**
 * Installed before the page's own scripts: remembers when the DOM last changed, so the scanner
 * can tell a page that finished from one still adding things (a chat composer that loads late).
 */
const DOM_CLOCK = `(() => {
  let last = Date.now();
  new MutationObserver(() => { last = Date.now(); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  Object.defineProperty(window, '__ledgerlightDomQuietFor', { get: () => Date.now() - last });
})();`;

export interface PageActivity {
  /** Milliseconds since the page last sent, finished or failed a request; 0 while one is in flight. */
  networkQuietFor(): number;
}

/** Starts watching a page's requests and DOM; call before it navigates. */
export async function watchActivity(page: Page): Promise<PageActivity> {
  const inFlight = new Set<unknown>();
  let last = Date.now();
  page.on('request', (request) => {
    inFlight.add(request);
    last = Date.now();
  });
  const done = (request: unknown) => {
    inFlight.delete(request);
    last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.addInitScript(DOM_CLOCK);
  return { networkQuietFor: () => (inFlight.size ? 0 : Date.now() - last) };
}

/**
 * Waits until the page has been quiet for `quietMs`: no request in flight or finishing, and no
 * DOM change. Returns false when `until` comes first (a ticker, a long poll): the caller reads
 * the page as it is then and says so.
 */
export async function settle(page: Page, activity: PageActivity, quietMs: number, until: number): Promise<boolean> {
  for (;;) {
    const domQuietFor = await page.evaluate(() => (window as unknown as { __ledgerlightDomQuietFor?: number }).__ledgerlightDomQuietFor ?? 0);
    const quietFor = Math.min(domQuietFor, activity.networkQuietFor());
    if (quietFor >= quietMs) return true;
    const wait = Math.min(quietMs - quietFor, until - Date.now());
    if (wait <= 0) return false;
    await new Promise((r) => setTimeout(r, Math.min(wait, 250)));
  }
}
