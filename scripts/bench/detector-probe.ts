/**
 * Bundled by the benchmark and run in the generated page: the real detector, timed exactly with
 * performance.now() around its first scan and each batch flush. The extension itself carries no
 * timing code; this probe gives the exact figures, the CPU profile of the extension gives the rest.
 */
import { createDetector } from '../../utils/detect/detector';
import type { PageConfig } from '../../utils/messages';

export interface ProbeTimes {
  firstScan: number;
  batches: number[];
  navigations: number[];
  detections: number;
}

declare global {
  interface Window {
    ledgerlightDetectorProbe: {
      start(config: PageConfig): void;
      /** Flushes what mutations queued since the last call, timing it as one batch. */
      flushBatch(): void;
      navigated(): void;
      times: ProbeTimes;
    };
  }
}

let detector: ReturnType<typeof createDetector> | undefined;
let detections = 0;
const times: ProbeTimes = { firstScan: 0, batches: [], navigations: [], detections: 0 };

window.ledgerlightDetectorProbe = {
  times,
  start(config) {
    // Flushes are driven by the benchmark, so each batch is timed alone.
    detector = createDetector(config, { report: (list) => (times.detections = detections = list.length), schedule: () => undefined });
    const t0 = performance.now();
    detector.start(document, location.href);
    times.firstScan = performance.now() - t0;
  },
  flushBatch() {
    const t0 = performance.now();
    detector!.flush();
    times.batches.push(performance.now() - t0);
  },
  navigated() {
    const t0 = performance.now();
    detector!.navigated(location.href);
    detector!.flush();
    times.navigations.push(performance.now() - t0);
    times.detections = detections;
  },
};
