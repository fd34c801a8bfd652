/// <reference types="chrome" />
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { badgeOf, tabIdOf, type DriverPage, type ExtensionDriver } from './driver';

export const CHROME_BUILD = resolve(process.env.LEDGERLIGHT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.LEDGERLIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline: it must not phone home from a closed network. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium driven by Playwright: the driver every end-to-end scenario can use, and the Playwright and CDP handles the Chromium-only ones need. */
export interface ExtensionSession extends ExtensionDriver {
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
  const requests = recordExtensionRequests(context, extensionId);
  // Playwright's evaluate types its argument through serialisation; ours are plain JSON values.
  const inExtension: ExtensionDriver['inExtension'] = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => (await findWorker()).evaluate(fn as unknown as () => R, arg);
  const session: ExtensionSession = {
    browser: 'chromium',
    context,
    worker,
    extensionId,
    currentWorker: findWorker,
    tabIdOf: (page) => tabIdOf(session, wrap(page)),
    badgeOf: (tabId) => badgeOf(session, tabId),
    serve: (pages) => servePages(context, pages),
    async openWebPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return wrap(page);
    },
    inExtension,
    fetchFromBackground: (url) => inExtension((u) => fetch(u).then(() => undefined, () => undefined), url),
    async stopBackground() {
      // Playwright keeps a stopped worker's handle, so the stop is read from Chromium itself.
      const cdp = await context.newCDPSession(await context.newPage());
      const stopped = new Promise<void>((done) =>
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped')) done();
        }),
      );
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await cdp.detach();
    },
    extensionRequests: () => [...requests],
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

/** A Playwright page as the browser-agnostic scenarios see it. */
function wrap(page: Page): DriverPage {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as unknown as () => R, arg),
    chooseFile: (selector, file) => page.setInputFiles(selector, { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }),
    close: () => page.close(),
  };
}

/** Requests from the service worker or an extension page for anything but the extension's own files. */
function recordExtensionRequests(context: BrowserContext, extensionId: string): string[] {
  const seen: string[] = [];
  const own = (url: string) => url.startsWith(`chrome-extension://${extensionId}/`) || url.startsWith(`blob:chrome-extension://${extensionId}/`);
  const frameUrl = (request: Request) => {
    try {
      return request.frame().url();
    } catch {
      return ''; // a service worker's request has no frame
    }
  };
  context.on('request', (request) => {
    const fromExtension = request.serviceWorker() !== null || frameUrl(request).startsWith('chrome-extension://');
    if (fromExtension && !own(request.url())) seen.push(request.url());
  });
  return seen;
}

export { savedTab, settledBadge } from './driver';
