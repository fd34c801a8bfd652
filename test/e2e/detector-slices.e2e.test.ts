import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleProbe } from '../../tools/bench/bundle';
import type { Rule } from '../../utils/model/rule';
import { launchExtension, servePages, type ExtensionSession } from '../../tools/harness/browser';

// Chromium's live element list shifts when the page removes nodes ahead of the first scan's place;
// happy-dom's does not, so this is proven here, in the browser the extension runs in.
const POST = '<div><span>post</span></div>';
const PAGE = `<!doctype html><html><body>${POST.repeat(140)}<div role="button" aria-label="Send money"></div>${POST.repeat(1000)}</body></html>`;
const URL = 'https://www.facebook.com/slices';
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension({ extensionEnabled: false });
  await servePages(session.context, { [URL]: PAGE });
});
afterAll(() => session?.close());

describe('the first scan in slices, in Chromium', () => {
  it('still finds a control after the page removed elements behind the scan between two slices', async () => {
    const rules = (JSON.parse(readFileSync(resolve('public/data/rules.json'), 'utf8')) as { rules: Rule[] }).rules;
    const page = await session.context.newPage();
    await page.goto(URL);
    await page.addScriptTag({ content: await bundleProbe(resolve('test/e2e/probes/sliced-scan.ts')) });
    await page.evaluate(
      (config) => window.slicedScan.start(config),
      {
        platform: { id: 'facebook', owner: 'meta' },
        rules: rules.filter((r) => r.id === 'chat-send-money'),
        entities: [],
        markers: false,
        wholePage: true,
      },
    );
    // The first slice stops within its first 256 elements, before the button; the page then drops 120 posts behind it.
    await page.evaluate(() => {
      for (const post of [...document.body.children].slice(0, 120)) post.remove();
    });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 0))); // the observer hears of it
    while (await page.evaluate(() => window.slicedScan.nextSlice()));
    expect(await page.evaluate(() => window.slicedScan.found())).toEqual(['chat-send-money']);
    await page.close();
  });
});
