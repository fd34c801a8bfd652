import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import type { Detection } from '../../utils/model/detection';
import type { Arrangement } from '../../utils/model/arrangement';
import type { PagePlatform } from '../../utils/matching';
import { bundleProbe } from './bundle';
import { generatedList } from './generated-list';
import type { MatchingTimes } from './matching-probe';

export const LIST_SIZE = 10_000;
const RUNS = 50;

/** What a busy shop page on Facebook reports: a PayPal button, a Stripe frame, a card form, a bank's page. */
const FEED_DETECTIONS: Detection[] = [
  { ruleId: 'pay-with-paypal', feature: 'checkout', partners: ['paypal'], confidence: 'high', count: 3, signals: [{ kind: 'control', evidence: 'Pay with PayPal' }] },
  { ruleId: 'payment-frame', feature: 'checkout', partners: ['stripe'], confidence: 'high', count: 1, signals: [{ kind: 'frame', evidence: 'js.stripe.com' }] },
  { ruleId: 'add-payment-card', feature: 'payment-settings', partners: [], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Add debit or credit card' }] },
  { ruleId: 'financial-entity-page', feature: 'financial-presence', partners: ['jpmorgan-chase'], confidence: 'medium', count: 1, signals: [{ kind: 'entity-page', evidence: '/chase' }] },
];

/** Times the real matchFindings in the extension's service worker against a list of 10,000 arrangements. */
export async function timeMatching(worker: Worker): Promise<MatchingTimes> {
  await worker.evaluate(await bundleProbe(resolve('scripts/bench/matching-probe.ts')));
  const page: PagePlatform = { id: 'facebook', owner: 'meta' };
  return worker.evaluate(
    ({ list, page, detections, runs }) =>
      (globalThis as unknown as { ledgerlightMatchingProbe(...args: unknown[]): Promise<MatchingTimes> }).ledgerlightMatchingProbe(list, page, detections, runs),
    { list: generatedList(LIST_SIZE) as Arrangement[], page, detections: FEED_DETECTIONS, runs: RUNS },
  );
}
