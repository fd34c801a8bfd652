import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import type { Arrangement } from '../../utils/model/arrangement';
import { bundleProbe } from './bundle';
import { generatedList } from './generated-list';
import type { MatchingTimes } from './matching-probe';
import { BENCH_DETECTIONS, BENCH_PAGE } from './matching-page';

export const LIST_SIZE = 10_000;
const RUNS = 50;

/** Times the real matchFindings in the extension's service worker against a list of 10,000 arrangements. */
export async function timeMatching(worker: Worker): Promise<MatchingTimes> {
  await worker.evaluate(await bundleProbe(resolve('tools/bench/matching-probe.ts')));
  const times = await worker.evaluate(
    ({ list, page, detections, runs }) =>
      (globalThis as unknown as { ledgerlightMatchingProbe(...args: unknown[]): Promise<MatchingTimes> }).ledgerlightMatchingProbe(list, page, detections, runs),
    { list: generatedList(LIST_SIZE) as Arrangement[], page: BENCH_PAGE, detections: BENCH_DETECTIONS, runs: RUNS },
  );
  // A fast answer is worth nothing if it is a different answer.
  if (!times.agreesWithScan) throw new Error('matchFindings disagrees with a scan of the generated list: the postings are out of step');
  return times;
}
