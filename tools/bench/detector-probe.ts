/**
 * Bundled by the benchmark and run in the generated page: the real detector, timed exactly with
 * performance.now() around its first scan and each batch flush. The extension itself carries no
 * timing code; this probe gives the exact figures, the CPU profile of the extension gives the rest.
 */
import { createDetector } from '../../page/detect/detector';
import type { PageConfig } from '../../utils/model/page-config';

export interface ProbeTimes {
  /** All the first scan's slices added up. */
  firstScan: number;
  /** Its longest slice: the longest the page waits on the first scan at once. */
  firstScanLongestSlice: number;
  firstScanSlices: number;
  batches: number[];
  /** Each piece of work while the feed was scrolled to its end, two screens at a time. */
  scrolling: number[];
  /** Detections after the first scan, and after scrolling through the whole feed. */
  detectionsAtFirst: number;
  detectionsScrolled: number;
  navigations: number[];
  detections: number;
}

declare global {
  interface Window {
    ledgerlightDetectorProbe: {
      start(config: PageConfig): void;
      /** Flushes what mutations queued since the last call, timing it as one batch. */
      flushBatch(): void;
      /** Scrolls to the end two screens at a time, running the work each step brings, timed. */
      scrollThrough(): Promise<void>;
      navigated(): void;
      /** Watches as the content script does (idle callbacks, small batches inline), noting what the first scan read. */
      live(config: PageConfig): void;
      times: ProbeTimes;
      /** Elements the live watch had read when it first reported: its first scan, with what the page appended meanwhile. */
      firstScanRead?: number;
    };
  }
}

let detector: ReturnType<typeof createDetector> | undefined;
let detections = 0;
const times: ProbeTimes = {
  firstScan: 0,
  firstScanLongestSlice: 0,
  firstScanSlices: 0,
  batches: [],
  scrolling: [],
  detectionsAtFirst: 0,
  detectionsScrolled: 0,
  navigations: [],
  detections: 0,
};
const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
/** Slices the detector deferred; the probe runs them back to back, timing each. */
const deferred: (() => void)[] = [];

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

window.ledgerlightDetectorProbe = {
  times,
  start(config) {
    // Flushes are driven by the benchmark, so each batch is timed alone.
    detector = createDetector(config, { report: (list) => (times.detections = detections = list.length), schedule: (run) => deferred.push(run) });
    const slices = [timed(() => detector!.start(document, location.href))];
    while (deferred.length) slices.push(timed(deferred.shift()!));
    times.firstScan = slices.reduce((a, b) => a + b, 0);
    times.firstScanLongestSlice = Math.max(...slices);
    times.firstScanSlices = slices.length;
    times.detectionsAtFirst = detections;
  },
  flushBatch() {
    const t0 = performance.now();
    detector!.flush();
    times.batches.push(performance.now() - t0);
  },
  async scrollThrough() {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 2 * innerHeight) {
      scrollTo(0, y);
      await frame(); // the observer and the scroll listener hear of it after a frame
      while (deferred.length) times.scrolling.push(timed(deferred.shift()!));
    }
    times.detectionsScrolled = detections;
    scrollTo(0, 0);
    await frame();
    deferred.length = 0;
  },
  live(config) {
    const probe = window.ledgerlightDetectorProbe;
    const watch = createDetector(config, {
      report: () => void (probe.firstScanRead ??= watch.elementsRead),
      inlineSmallBatches: true,
    });
    watch.start(document, location.href);
  },
  navigated() {
    const t0 = performance.now();
    detector!.navigated(location.href);
    detector!.flush();
    times.navigations.push(performance.now() - t0);
    times.detections = detections;
  },
};
