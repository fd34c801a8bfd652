/**
 * Bundled into a page by detector-slices.e2e.test.ts: the real detector, its first scan driven
 * slice by slice, so the test can change the page between two slices as a live site would.
 */
import { createDetector } from '../../../page/detect/detector';
import type { PageConfig } from '../../../utils/model/page-config';

declare global {
  interface Window {
    slicedScan: { start(config: PageConfig): void; nextSlice(): boolean; found(): string[] };
  }
}

const slices: (() => void)[] = [];
let found: string[] = [];

window.slicedScan = {
  start(config) {
    const detector = createDetector(config, { report: (list) => (found = list.map((d) => d.ruleId)), schedule: (run) => void slices.push(run), sliceMs: 0 });
    detector.start(document, location.href);
  },
  /** Runs one slice; false once the first scan is over. */
  nextSlice() {
    slices.shift()?.();
    return slices.length > 0;
  },
  found: () => found,
};
