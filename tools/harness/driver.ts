/// <reference types="chrome" />
/**
 * One way to drive the built extension in any browser, so the scenarios that matter everywhere
 * (badge, popup, markers, settings, network, a refused list file, a restarted background) are
 * written once and run in Chromium and in Firefox. Each browser supplies the few primitives below;
 * everything else (tab ids, badges, saved findings, settings) is asked of the extension itself
 * through its own API, from a context of its own, exactly as its pages do.
 */
export type BrowserName = 'chromium' | 'firefox';

/** A page in the browser: a social page served offline, or one of the extension's own. */
export interface DriverPage {
  /** Runs fn in the page (a function, not a string: no eval in extension pages). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Chooses a file in the page's file input, as a user picking it in the file dialog. */
  chooseFile(selector: string, file: { name: string; text: string }): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  readonly browser: BrowserName;
  /** Web pages opened later get these bodies at their addresses; anything else a 404, never the network. */
  serve(pages: Record<string, string>): Promise<void>;
  /** A new tab showing url, loaded. */
  openWebPage(url: string): Promise<DriverPage>;
  /** A new tab showing an extension page, e.g. "popup.html?tab=3", loaded. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /** Runs fn where the extension's API (`chrome.*`) is available, with the extension's rights. */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A fetch of url made by the background itself, to prove the request recorder sees one. */
  fetchFromBackground(url: string): Promise<void>;
  /** Returns once the background (service worker or event page) has stopped; the next message starts it again. */
  stopBackground(): Promise<void>;
  /** Every request the background or an extension page made since launch for anything but the extension's own files. */
  extensionRequests(): string[];
  close(): Promise<void>;
}

/** The tab id the browser gave a page, found by a title set on it for a moment (several tabs may share an address). */
export async function tabIdOf(driver: ExtensionDriver, page: DriverPage): Promise<number> {
  const token = `ledgerlight-tab-${Date.now()}-${Math.random()}`;
  const title = await page.evaluate((t) => [document.title, (document.title = t)][0]!, token);
  try {
    for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(50)) {
      const id = await driver.inExtension(async (t) => (await chrome.tabs.query({})).find((tab) => tab.title === t)?.id, token);
      if (id !== undefined) return id;
    }
    throw new Error('No tab has the title just set');
  } finally {
    await page.evaluate((t) => (document.title = t), title);
  }
}

/** The toolbar badge text of a tab, as the user sees it. */
export function badgeOf(driver: ExtensionDriver, tabId: number): Promise<string> {
  return driver.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** What the background saved for a tab (JSON text, see background/tab-store.ts), or undefined before it reported. */
export async function savedTab<T = unknown>(driver: ExtensionDriver, tabId: number): Promise<T | undefined> {
  const text = await driver.inExtension(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as string | undefined, tabId);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** Merges a change into the stored settings, as the options page saves them. */
export async function changeSettings(driver: ExtensionDriver, change: Record<string, unknown>): Promise<void> {
  await driver.inExtension(async (c) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings as object), ...c } });
  }, change);
}

/** Waits until the extension has reported on a tab and the badge stops changing. */
export async function settledBadge(driver: ExtensionDriver, tabId: number, { timeout = 10_000, quietMs = 600 } = {}): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = await badgeOf(driver, tabId);
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = await badgeOf(driver, tabId);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs && (await savedTab(driver, tabId)) !== undefined) return last;
  }
  return last;
}

/** Polls fn until it returns something other than undefined, or fails after timeout. */
export async function until<T>(fn: () => Promise<T | undefined>, what: string, timeout = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
