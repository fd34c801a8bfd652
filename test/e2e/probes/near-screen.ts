/**
 * Bundled into a page by near-screen.e2e.test.ts: the real detector with its real scheduling
 * (idle slices, IntersectionObserver), reporting how many "Send money" controls it has read and
 * how many runs of the page it has left for later.
 */
import { createDetector } from '../../../page/detect/detector';
import type { PageConfig } from '../../../utils/model/page-config';

declare global {
  interface Window {
    nearScreen: { start(config: PageConfig): void; controls(): number; parked(): number };
  }
}

let controls = 0;
let detector: ReturnType<typeof createDetector> | undefined;

window.nearScreen = {
  start(config) {
    detector = createDetector(config, { report: (list) => (controls = list.find((d) => d.ruleId === 'chat-send-money')?.count ?? 0) });
    detector.start(document, location.href);
  },
  controls: () => controls,
  parked: () => detector?.parked ?? 0,
};
