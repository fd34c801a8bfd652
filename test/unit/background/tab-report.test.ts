import { describe, expect, it } from 'vitest';
import type { Detection } from '@/utils/model/detection';
import { bundledFromDisk, sampleArrangement } from '../fixtures';
import { ledgerUnderTest } from '../ledger-under-test';

const payPalButton: Detection = { ruleId: 'pay-with-paypal', feature: 'checkout', partners: ['paypal'], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Pay with PayPal' }] };

async function ledgerWith(...arrangements: ReturnType<typeof sampleArrangement>[]) {
  return (await ledgerUnderTest({ list: { ...(await bundledFromDisk()), arrangements } })).ledger;
}

describe("the popup's tab report", () => {
  it('names every party of its findings and of what was detected, and no other firm of the list', async () => {
    const ledger = await ledgerWith(
      sampleArrangement({
        id: 'fb-paypal-cards',
        platform: 'meta',
        partners: ['paypal', 'visa'],
        flows: [
          { from: 'facebook', to: 'paypal', data: ['contact-details'], purpose: 'Checkout.' },
          { from: 'paypal', to: 'mastercard', data: ['card-details'], purpose: 'Card payments.' },
        ],
      }),
    );
    await ledger.reportDetections(4, 'https://www.facebook.com/marketplace/item/1/', [{ ...payPalButton, partners: ['paypal', 'stripe'] }]);
    const report = await ledger.tabReport(4);
    expect(Object.keys(report.arrangements)).toEqual(['fb-paypal-cards']);
    expect(Object.keys(report.entities).sort()).toEqual(['facebook', 'mastercard', 'meta', 'paypal', 'stripe', 'visa']);
    expect(report.entities.paypal).toEqual({ id: 'paypal', name: 'PayPal', kind: 'payment-firm' });
  });

  it('leaves out a name the list does not know, so the popup shows the id rather than failing', async () => {
    const ledger = await ledgerWith(sampleArrangement({ id: 'fb-paypal', partners: ['paypal'], flows: [{ from: 'paypal', to: 'any', data: ['contact-details'], purpose: 'Anyone.' }] }));
    await ledger.reportDetections(4, 'https://www.facebook.com/marketplace/item/1/', [payPalButton]);
    const report = await ledger.tabReport(4);
    expect(Object.keys(report.entities).sort()).toEqual(['facebook', 'paypal']);
  });
});
