import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleProbe } from '../../tools/bench/bundle';
import type { PageConfig } from '../../utils/model/page-config';
import type { Rule } from '../../utils/model/rule';
import { askBackground } from '../../tools/harness/background';
import { launchExtension, servePages, type ExtensionSession } from '../../tools/harness/browser';

// Reading what is near the screen first needs layout and IntersectionObserver, which happy-dom
// has not: proven here, in the browser the extension runs in, with the real detector.
const SEND = '<div role="button" tabindex="0" aria-label="Send money"><i></i></div>';
const post = (i: number, send = false) =>
  `<div class="x1yztbdb" data-post="${i}" style="height:120px"><div><span dir="auto">Post ${i}</span></div><div>${send ? SEND : '<div role="button" tabindex="0">Like</div>'}</div></div>`;
/** 300 posts of 120 px: two controls on the first screen, one 33,000 px down, one at the very end. */
const FEED = `<!doctype html><html><body style="margin:0"><div role="feed" id="feed">${Array.from({ length: 300 }, (_, i) => post(i, i === 1 || i === 3 || i === 275 || i === 299)).join('')}</div></body></html>`;
/** A chat laid out bottom-up (column-reverse): the first messages in the DOM are at the bottom, on screen. */
const CHAT = `<!doctype html><html><body style="margin:0"><div id="log" style="display:flex;flex-direction:column-reverse;height:600px;overflow:auto">${Array.from({ length: 200 }, (_, i) => post(i, i === 0 || i === 199)).join('')}</div></body></html>`;
const FEED_URL = 'https://www.facebook.com/near-screen';
const CHAT_URL = 'https://www.messenger.com/t/near-screen';

let session: ExtensionSession;
let probe: string;
const rules = (JSON.parse(readFileSync(resolve('public/data/rules.json'), 'utf8')) as { rules: Rule[] }).rules.filter((r) => r.id === 'chat-send-money');
const config = (wholePage: boolean): PageConfig => ({
  platform: { id: 'facebook', owner: 'meta' },
  rules,
  entities: [],
  markers: false,
  wholePage,
});

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, { [FEED_URL]: FEED, [CHAT_URL]: CHAT });
  probe = await bundleProbe(resolve('test/e2e/probes/near-screen.ts'));
});
afterAll(() => session?.close());

async function watched(url: string, wholePage = false): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.addScriptTag({ content: probe });
  await page.evaluate((c) => window.nearScreen.start(c), config(wholePage));
  return page;
}
const controls = (page: Page, expected: number) => expect.poll(() => page.evaluate(() => window.nearScreen.controls()), { timeout: 5_000 }).toBe(expected);

describe('reading what is near the screen first, in Chromium', () => {
  it('reads the first screens at once and a far control when the user scrolls near it', async () => {
    const page = await watched(FEED_URL);
    await controls(page, 2);
    expect(await page.evaluate(() => window.nearScreen.parked())).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('[data-post="270"]')!.scrollIntoView());
    await controls(page, 3);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await controls(page, 4);
    await page.close();
  });

  it('reads a run entered from its last end, scrolling back up after a jump to the bottom', async () => {
    const page = await watched(FEED_URL);
    await controls(page, 2);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await controls(page, 3); // post 299
    for (let step = 0; step < 8; step++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(50);
    }
    await controls(page, 4); // post 275, about 2,900 px above the bottom
    await page.close();
  });

  it('lets posts appended below the screen wait with the rest, and reads them when reached', async () => {
    const page = await watched(FEED_URL);
    await controls(page, 2);
    await page.evaluate((html) => document.getElementById('feed')!.insertAdjacentHTML('beforeend', html), Array.from({ length: 10 }, (_, i) => post(300 + i, true)).join(''));
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.nearScreen.controls())).toBe(2);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await controls(page, 13); // post 299 and the ten new ones; 275 was passed on the way down
    await page.close();
  });

  it('keeps a parked run whole when the page drops the posts at its start, as a virtualised feed does', async () => {
    const page = await watched(FEED_URL);
    await controls(page, 2);
    await page.evaluate(() => {
      for (const old of [...document.querySelectorAll('[data-post]')].slice(10, 120)) old.remove();
    });
    await page.evaluate(() => document.querySelector('[data-post="275"]')!.scrollIntoView());
    await controls(page, 3);
    await page.close();
  });

  it('reads a bottom-up chat from the end on screen, and its far end when scrolled up', async () => {
    const page = await watched(CHAT_URL);
    await controls(page, 1);
    await page.evaluate(() => document.getElementById('log')!.scrollTo(0, -1e6));
    await controls(page, 2);
    await page.close();
  });

  it('reads the whole page at once when asked to, leaving nothing for later', async () => {
    const page = await watched(FEED_URL, true);
    await controls(page, 4);
    expect(await page.evaluate(() => window.nearScreen.parked())).toBe(0);
    await page.close();
  });
});

describe('the extension on a long page', () => {
  it('reports far controls once scrolled to, and all of them with the "whole page" setting', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const report = async (page: Page) => {
      const tabId = await session.tabIdOf(page);
      const reply = await askBackground(options, 'tab:report', { tabId });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    };
    const detected = async (page: Page) => (await report(page)).detections.find((d) => d.ruleId === 'chat-send-money')?.count ?? 0;
    const page = await session.context.newPage();
    await page.goto(FEED_URL);
    await expect.poll(() => detected(page), { timeout: 10_000 }).toBe(2);
    expect((await report(page)).unread).toBe(true); // the popup says more may be found
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => detected(page), { timeout: 10_000 }).toBe(3); // 299; 275 was jumped over
    await page.close();

    const settings = await askBackground(options, 'settings:get', undefined);
    if (!settings.ok) throw new Error(settings.error);
    await askBackground(options, 'settings:set', { ...settings.value, wholePage: true });
    const whole = await session.context.newPage();
    await whole.goto(FEED_URL);
    await expect.poll(() => detected(whole), { timeout: 10_000 }).toBe(4);
    expect((await report(whole)).unread).toBe(false);
    await askBackground(options, 'settings:set', settings.value);
    await whole.close();
    await options.close();
  });
});
