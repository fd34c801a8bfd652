/// <reference types="chrome" />
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROME_BUILD = resolve(process.env.LEDGERLIGHT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.LEDGERLIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline: it must not phone home from a closed network. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The tab id Chromium gave a page, read from the extension's own service worker. */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar badge text of a tab, as the user sees it. */
  badgeOf(tabId: number): Promise<string>;
  /** The extension's service worker, found again after it was stopped and restarted. */
  currentWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchExtension(
  options: {
    headless?: boolean;
    extensionPath?: string;
    extensionEnabled?: boolean;
    /** The caller handles SIGINT, SIGTERM and SIGHUP itself (and closes the session); Playwright's own handlers close the browser at once. */
    ownSignals?: boolean;
  } = {},
): Promise<ExtensionSession> {
  const extensionPath = options.extensionPath ?? CHROME_BUILD;
  const enabled = options.extensionEnabled ?? true;
  if (enabled && !existsSync(join(extensionPath, 'manifest.json')))
    throw new Error(`No built extension at ${extensionPath}. Run "npm run build" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'ledgerlight-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    channel: 'chromium',
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    ...(options.ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    args: [...QUIET_FLAGS, ...(enabled ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : [])],
  });
  const findWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const worker = enabled ? await findWorker() : (undefined as unknown as Worker);
  const extensionId = enabled ? new URL(worker.url()).host : '';
  const session: ExtensionSession = {
    context,
    worker,
    extensionId,
    currentWorker: findWorker,
    async tabIdOf(page) {
      // Several tabs may show the same address: mark this one with a unique title for a moment.
      const token = `ledgerlight-tab-${Date.now()}-${Math.random()}`;
      const title = await page.evaluate((t) => [document.title, (document.title = t)][0]!, token);
      try {
        const w = await findWorker();
        for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
          const id = await w.evaluate(async (t) => (await chrome.tabs.query({})).find((tab) => tab.title === t)?.id, token);
          if (id !== undefined) return id;
        }
        throw new Error(`No tab shows ${page.url()}`);
      } finally {
        await page.evaluate((t) => (document.title = t), title);
      }
    },
    async badgeOf(tabId) {
      const w = await findWorker();
      return w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * Serves pages at real social hosts from files or strings, and refuses every other request:
 * the content script runs exactly as it would there, and nothing reaches the network.
 */
export async function servePages(context: BrowserContext, pages: Record<string, string | (() => string | Promise<string>)>) {
  await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', async (route) => {
    const url = route.request().url();
    const key = url.split('#')[0]!;
    const body = pages[key];
    if (body === undefined) {
      // A payment firm's frame inside a served page gets a labelled stand-in, so screenshots show where it sits.
      const request = route.request();
      const inFrame = request.resourceType() === 'document' && request.frame().parentFrame() !== null;
      const host = new URL(url).host;
      return inFrame
        ? route.fulfill({ status: 200, contentType: 'text/html', body: `<body style="margin:0;font:13px system-ui;display:grid;place-items:center;height:100vh;background:#ffc439">${host} (offline stand-in)</body>` })
        : route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served offline' });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof body === 'function' ? await body() : body });
  });
}

/** Waits until the extension has reported on a tab and the badge stops changing. */
export async function settledBadge(session: ExtensionSession, tabId: number, { timeout = 10_000, quietMs = 600 } = {}): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = await session.badgeOf(tabId);
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await session.badgeOf(tabId);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      if ((await savedTab(session, tabId)) !== undefined) return last;
    }
  }
  return last;
}

/** What the background saved for a tab (as JSON text, see background/tab-store.ts), or undefined before it reported. */
export async function savedTab<T = unknown>(session: ExtensionSession, tabId: number): Promise<T | undefined> {
  const text = await (await session.currentWorker()).evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as string | undefined, tabId);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}
