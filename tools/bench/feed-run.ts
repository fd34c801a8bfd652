import type { BrowserContext } from 'playwright-core';
import { attribute, startProfiling, stopProfiling, type Party, type PartyTime } from './cpu-profile';
import { FEED_URL, NAVIGATIONS, POSTS_PER_BATCH, WARMUP_URL } from './feed-page';
import { NAIVE_SOURCE_URL } from './naive-detector';

export const BATCHES = 40;
/** Apart enough that each batch is its own mutation burst and idle period, as posts arrive when scrolling. */
const BATCH_GAP_MS = 60;
/** Long enough for a detector to finish the first scan of a 100,000-element page on a slow machine. */
const SETTLE_MS = 2_500;
/** The detector flushes in an idle callback with a 250 ms deadline; this lets the last one run. */
const DRAIN_MS = 600;

/** CPU time per party in each phase of the scenario, from the page renderer's CPU profile. */
export interface FeedRun {
  elements: number;
  load: Record<Party, PartyTime>;
  stream: Record<Party, PartyTime>;
  navigation: Record<Party, PartyTime>;
}

declare global {
  interface Window {
    ledgerlightFeed: { append(posts: number): void; navigate(path: string): void };
  }
}

/**
 * The scenario every variant goes through on the same generated page: load the feed, let it
 * settle, receive a stream of posts in batches of 100 elements, then navigate within the app.
 * `extensionId` marks whose content script counts as ours; `naiveScript` adds the naive detector.
 */
export async function runFeed(context: BrowserContext, options: { extensionId?: string; naiveScript?: string }): Promise<FeedRun> {
  const page = await context.newPage();
  // The profiler attaches to this renderer; the feed is then opened in the same site and process.
  await page.goto(WARMUP_URL);
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  const ours = options.extensionId ? `chrome-extension://${options.extensionId}/content-scripts/` : undefined;
  const classify = (url: string): Party | undefined => {
    if (ours && url.startsWith(ours)) return 'ours';
    if (url.endsWith(NAIVE_SOURCE_URL)) return 'naive';
    if (url.startsWith(FEED_URL)) return 'page';
    return undefined;
  };

  await startProfiling(cdp);
  await page.goto(FEED_URL, { waitUntil: 'load', timeout: 180_000 });
  if (options.naiveScript) await page.addScriptTag({ content: options.naiveScript });
  await page.waitForTimeout(SETTLE_MS);
  const load = attribute(await stopProfiling(cdp), classify);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);

  await startProfiling(cdp);
  await page.evaluate(
    async ({ batches, posts, gap }) => {
      for (let i = 0; i < batches; i++) {
        window.ledgerlightFeed.append(posts);
        await new Promise((done) => setTimeout(done, gap));
      }
    },
    { batches: BATCHES, posts: POSTS_PER_BATCH, gap: BATCH_GAP_MS },
  );
  await page.waitForTimeout(DRAIN_MS);
  const stream = attribute(await stopProfiling(cdp), classify);

  await startProfiling(cdp);
  for (const path of NAVIGATIONS) {
    await page.evaluate((to) => window.ledgerlightFeed.navigate(to), path);
    await page.waitForTimeout(DRAIN_MS);
  }
  const navigation = attribute(await stopProfiling(cdp), classify);

  await page.close();
  return { elements, load, stream, navigation };
}

