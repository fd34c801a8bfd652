/// <reference types="chrome" />
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { until, type DriverPage, type ExtensionDriver } from './driver';

export const FIREFOX_BUILD = resolve(process.env.LEDGERLIGHT_OUT_DIR ?? '.output', 'firefox-mv3');
export const FIREFOX = process.env.LEDGERLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts; Firefox gives the extension the UUID we map it to here, so its pages have a known address. */
const GECKO_ID = 'ledgerlight@ledgerlight.invalid';
const UUID = '0b5e1c7a-4f0d-4d8e-9a61-1e2d6c0f3b9a';
export const FIREFOX_ORIGIN = `moz-extension://${UUID}`;
/**
 * Firefox's own traffic, which reaches the proxy too: its remote settings (blocklists, certificate
 * revocation) are fetched after start and after an add-on is installed, and a release build ignores
 * the pref that would point them elsewhere. No request of Ledgerlight's can go there.
 */
const FIREFOX_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com']);
/** How long Firefox lets an idle event page live; shortened so a test can watch it stop as it would after 30 s. */
const BACKGROUND_IDLE_MS = 2_000;

/**
 * Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core (Playwright drives only its own
 * patched Firefox), headless and offline. Web pages are answered by request interception; every
 * request that is not (the background's, the extension pages', Firefox's own) goes to a local proxy
 * that records and refuses it, since BiDi does not report the background page's requests.
 */
export async function launchFirefox(): Promise<ExtensionDriver> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_BUILD}. Run "npm run build:firefox" first.`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox was not found at ${FIREFOX}. Install it with: sudo apt-get install -y firefox-esr`);
  const proxy = await recordingProxy();
  const { port } = proxy.address() as AddressInfo;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets BiDi open and script moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.background.idle.timeout': BACKGROUND_IDLE_MS,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.no_proxies_on': '',
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const files = await mkdtemp(join(tmpdir(), 'ledgerlight-firefox-'));
  const served: Record<string, string> = {};
  let helper: Page | undefined;

  const openExtensionPage = async (path: string) => wrap(await navigateExtensionPage(browser, path), files);
  const inExtension: ExtensionDriver['inExtension'] = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => {
    helper ??= await navigateExtensionPage(browser, 'popup.html?tab=0');
    return evaluateIn(helper, fn, arg);
  };
  const backgroundRunning = () =>
    inExtension(() => chrome.extension.getViews().some((view) => view.location.pathname === '/_generated_background_page.html'), undefined);

  return {
    browser: 'firefox',
    async serve(pages) {
      Object.assign(served, pages);
    },
    async openWebPage(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const body = served[request.url().split('#')[0]!];
        void (body === undefined
          ? request.respond({ status: 404, contentType: 'text/plain', body: 'not served offline' })
          : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
      });
      await page.goto(url);
      return wrap(page, files);
    },
    openExtensionPage,
    inExtension,
    fetchFromBackground: (url) =>
      inExtension(async (u) => {
        // Firefox starts a stopped event page to answer this.
        const background = (await chrome.runtime.getBackgroundPage()) as unknown as Window;
        await background.fetch(u).catch(() => undefined);
      }, url),
    async stopBackground() {
      // Firefox offers no way to stop an event page on demand; it stops one that has been idle
      // for extensions.background.idle.timeout, as it does for users after 30 seconds.
      await until(async () => ((await backgroundRunning()) ? undefined : true), 'the event page to stop', 10_000 + BACKGROUND_IDLE_MS);
    },
    extensionRequests: () => proxy.seen.filter((url) => !FIREFOX_OWN_HOSTS.has(new URL(url).hostname)),
    async close() {
      await browser.close();
      proxy.close();
      await rm(files, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page. page.goto would wait for a load event that BiDi never reports for
 * moz-extension:// pages, so the page is navigated through BiDi itself and then polled.
 */
async function navigateExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${FIREFOX_ORIGIN}/${path}`;
  const context = (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void> } }).browsingContext;
  await context.navigate(url, 'complete');
  await until(async () => ((await page.evaluate(() => [location.href, document.readyState])).join(' ') === `${url} complete` ? true : undefined), url);
  return page;
}

/** Puppeteer types evaluate's argument through its handle types; ours are plain JSON values. */
function evaluateIn<R, A>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(fn as unknown as (arg: unknown) => R, arg) as Promise<R>;
}

function wrap(page: Page, files: string): DriverPage {
  return {
    evaluate: (fn, arg) => evaluateIn(page, fn, arg),
    async chooseFile(selector, file) {
      const path = join(files, file.name);
      await writeFile(path, file.text);
      const input = await page.$(selector);
      if (!input) throw new Error(`No ${selector} on the page`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    close: () => page.close(),
  };
}

/** An HTTP proxy that answers nothing: it keeps the address of every request it is sent, then refuses it. */
async function recordingProxy(): Promise<Server & { seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.writeHead(502).end();
  });
  server.on('connect', (request, socket) => {
    seen.push(`https://${request.url}`);
    socket.end('HTTP/1.1 502 Refused\r\n\r\n');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return Object.assign(server, { seen });
}
