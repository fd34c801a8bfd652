/**
 * Busy pages for the CPU benchmark: the generated feed (`feed-page.ts`) plus a script of the
 * page's own that keeps changing it for a few seconds, the way a live feed does. The page drives
 * itself from its load event, so the benchmark never has to reach into it while it measures (a
 * driver polling a 100,000-element page costs more than the page's own script).
 */
import { FEED_SCRIPT } from '../feed-page';

export interface Workload {
  name: string;
  /** Posts at load; a post is about twenty elements. */
  posts: number;
  /** What the page does every tick, from `startMs` after its load event until `startMs + activeMs`. */
  tickMs: number;
  startMs: number;
  activeMs: number;
  appendPerTick: number;
  title: boolean;
  /** Calls history.pushState every this many ticks (0: never). */
  pushEvery: number;
  scroll: boolean;
  /** What the workload tells about our cost, printed beside it. */
  about: string;
}

const base = { tickMs: 100, startMs: 0, activeMs: 6_000, appendPerTick: 0, title: false, pushEvery: 0, scroll: false };
/** Changes that should cost nothing start once the first scan is long done, so they are measured alone. */
const AFTER_FIRST_SCAN = 2_500;

export const WORKLOADS: Workload[] = [
  { ...base, name: 'feed', posts: 5_000, appendPerTick: 20, title: true, pushEvery: 10, about: 'the issue’s feed: 20 posts every 100 ms, a new title each tick, pushState each second' },
  { ...base, name: 'bench page', posts: 5_000, activeMs: 2_000, about: 'today’s bench page, loaded and left alone' },
  { ...base, name: 'appends only', posts: 5_000, appendPerTick: 20, about: '20 posts every 100 ms from load' },
  { ...base, name: 'title churn', posts: 5_000, startMs: AFTER_FIRST_SCAN, activeMs: 3_000, title: true, about: 'a new document.title every 100 ms' },
  { ...base, name: 'in-place navigation', posts: 5_000, startMs: AFTER_FIRST_SCAN, activeMs: 3_000, pushEvery: 1, about: 'history.pushState every 100 ms, same page signals' },
  { ...base, name: 'scrolling', posts: 5_000, startMs: AFTER_FIRST_SCAN, activeMs: 3_000, scroll: true, about: 'one screen down every 100 ms' },
  { ...base, name: '1k elements', posts: 50, activeMs: 3_000, appendPerTick: 1, about: '10 posts/s on a page of 1,000 elements' },
  { ...base, name: '10k elements', posts: 500, activeMs: 3_000, appendPerTick: 1, about: '10 posts/s on 10,000 elements' },
  { ...base, name: '100k elements', posts: 5_000, activeMs: 3_000, appendPerTick: 1, about: '10 posts/s on 100,000 elements' },
  { ...base, name: '300k elements', posts: 15_000, activeMs: 3_000, appendPerTick: 1, about: '10 posts/s on 300,000 elements' },
  { ...base, name: '10 posts/s', posts: 5_000, activeMs: 3_000, appendPerTick: 1, tickMs: 100, about: 'rate: 10 posts a second' },
  { ...base, name: '100 posts/s', posts: 5_000, activeMs: 3_000, appendPerTick: 10, about: 'rate: 100 posts a second' },
  { ...base, name: '1000 posts/s', posts: 5_000, activeMs: 3_000, appendPerTick: 100, about: 'rate: 1,000 posts a second' },
];

export const busyUrl = (w: Workload) => `https://www.facebook.com/?bench=${encodeURIComponent(w.name)}`;

/** The feed, then the page's own driver: marks where its activity starts so the trace can be cut there. */
export function busyHtml(w: Workload): string {
  const settings = JSON.stringify({ tickMs: w.tickMs, startMs: w.startMs, activeMs: w.activeMs, append: w.appendPerTick, title: w.title, pushEvery: w.pushEvery, scroll: w.scroll });
  return `<!doctype html>
<html lang="en" id="facebook"><head><meta charset="utf-8"><title>Facebook</title></head>
<body><div id="mount_0_0_Fb"><div role="main"><div role="feed" id="feed"></div></div></div>
<script>${FEED_SCRIPT}
ledgerlightFeed.render(${w.posts});
${DRIVER}
(${'drive'})(${settings});</script>
</body></html>`;
}

const DRIVER = String.raw`
function drive(s) {
  addEventListener('load', () => setTimeout(() => {
    performance.mark('bench:activity');
    document.documentElement.dataset.activityAt = String(Date.now());
    let tick = 0;
    const timer = setInterval(() => {
      tick++;
      if (s.append) ledgerlightFeed.append(s.append);
      if (s.title) document.title = '(' + tick + ') Facebook';
      if (s.pushEvery && tick % s.pushEvery === 0) history.pushState({ tick }, '', location.pathname + location.search.replace(/&t=\d+$/, '') + '&t=' + tick);
      if (s.scroll) scrollBy(0, innerHeight);
      if (tick * s.tickMs >= s.activeMs) {
        clearInterval(timer);
        performance.mark('bench:quiet');
      }
    }, s.tickMs);
  }, s.startMs));
}`;
