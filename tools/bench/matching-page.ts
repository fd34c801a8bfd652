import type { PagePlatform } from '../../utils/model/finding';
import type { Detection } from '../../utils/model/detection';

export const BENCH_PAGE: PagePlatform = { id: 'facebook', owner: 'meta' };

/** What a busy shop page on Facebook reports: a PayPal button, a Stripe frame, a card form, a bank's page. */
export const BENCH_DETECTIONS: Detection[] = [
  { ruleId: 'pay-with-paypal', feature: 'checkout', partners: ['paypal'], confidence: 'high', count: 3, signals: [{ kind: 'control', evidence: 'Pay with PayPal' }] },
  { ruleId: 'payment-frame', feature: 'checkout', partners: ['stripe'], confidence: 'high', count: 1, signals: [{ kind: 'frame', evidence: 'js.stripe.com' }] },
  { ruleId: 'add-payment-card', feature: 'payment-settings', partners: [], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Add debit or credit card' }] },
  { ruleId: 'financial-entity-page', feature: 'financial-presence', partners: ['jpmorgan-chase'], confidence: 'medium', count: 1, signals: [{ kind: 'entity-page', evidence: '/chase' }] },
];

