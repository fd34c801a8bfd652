import { beforeEach, describe, expect, it } from 'vitest';
import { findingSentence } from '@/components/popup/sentence';
import { sampleArrangement } from '../fixtures';
import { speak } from './messages';

const NAMES: Record<string, string> = { facebook: 'Facebook', paypal: 'PayPal', 'jpmorgan-chase': 'JPMorgan Chase', mastercard: 'Mastercard' };
const name = (id: string) => NAMES[id] ?? id;

describe('findingSentence', () => {
  beforeEach(() => speak('en'));

  it('says who shares what with whom in one sentence', () => {
    const a = sampleArrangement({ id: 'a', flows: [{ from: 'paypal', to: 'facebook', data: ['payment-transactions', 'contact-details'], purpose: 'x' }] });
    expect(findingSentence(a, name)).toBe('PayPal shares payments made and contact details with Facebook.');
  });

  it('joins flows in both directions into one sentence', () => {
    const a = sampleArrangement({
      id: 'a',
      flows: [
        { from: 'paypal', to: 'facebook', data: ['payment-transactions'], purpose: 'x' },
        { from: 'facebook', to: 'paypal', data: ['contact-details', 'addresses', 'device-identifiers'], purpose: 'y' },
      ],
    });
    expect(findingSentence(a, name)).toBe(
      'PayPal shares payments made with Facebook and Facebook shares contact details, billing and shipping addresses, and device identifiers with PayPal.',
    );
  });

  it('never says data moved when the bank declined', () => {
    const a = sampleArrangement({ id: 'a', status: 'declined', flows: [{ from: 'jpmorgan-chase', to: 'facebook', data: ['card-transactions', 'account-balances'], purpose: 'x' }] });
    const sentence = findingSentence(a, name);
    expect(sentence).toBe('JPMorgan Chase was asked to share card transactions and account balances with Facebook and declined.');
    expect(sentence).not.toMatch(/\bshares\b/);
  });

  it('hedges what is only reported, and speaks of ended arrangements in the past', () => {
    const flows = [{ from: 'mastercard', to: 'facebook', data: ['purchase-details' as const], purpose: 'x' }];
    expect(findingSentence(sampleArrangement({ id: 'a', status: 'reported', flows }), name)).toBe('Mastercard is reported to share what was bought with Facebook.');
    expect(findingSentence(sampleArrangement({ id: 'b', status: 'ended', flows }), name)).toBe('Mastercard shared what was bought with Facebook.');
  });

  it('writes the sentence in the user’s language, lists included', async () => {
    await speak('es');
    const a = sampleArrangement({ id: 'a', flows: [{ from: 'paypal', to: 'facebook', data: ['payment-transactions', 'contact-details'], purpose: 'x' }] });
    expect(findingSentence(a, name)).toBe('PayPal comparte pagos realizados y datos de contacto con Facebook.');
  });
});
