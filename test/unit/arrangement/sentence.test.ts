import { beforeEach, describe, expect, it } from 'vitest';
import { findingSentence } from '@/components/arrangement/sentence';
import { STATUSES } from '@/utils/model/vocabulary';
import { sampleArrangement } from '../fixtures';
import { speak } from '../popup/messages';

const NAMES: Record<string, string> = { facebook: 'Facebook', paypal: 'PayPal', 'jpmorgan-chase': 'JPMorgan Chase', mastercard: 'Mastercard', citigroup: 'Citigroup' };
const name = (id: string) => NAMES[id] ?? id;
const bankToFacebook = [{ from: 'citigroup', to: 'facebook', data: ['card-transactions' as const, 'account-balances' as const], purpose: 'x' }];

describe('findingSentence', () => {
  beforeEach(() => speak('en'));

  it('says who shares what with whom in one sentence', () => {
    const a = sampleArrangement({ id: 'a', flows: [{ from: 'paypal', to: 'facebook', data: ['payment-transactions', 'contact-details'], purpose: 'x' }] });
    expect(findingSentence(a, name)).toBe('PayPal shares payment history and contact details with Facebook.');
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
      'PayPal shares payment history with Facebook and Facebook shares contact details, billing and shipping addresses, and device identifiers with PayPal.',
    );
  });

  it('leaves out a flow from a party to itself, and says nothing when no other flow is left', () => {
    const self = { from: 'paypal', to: 'paypal', data: ['payment-transactions' as const], purpose: 'x' };
    expect(findingSentence(sampleArrangement({ id: 'a', flows: [self, { ...self, to: 'facebook' }] }), name)).toBe('PayPal shares payment history with Facebook.');
    expect(findingSentence(sampleArrangement({ id: 'b', flows: [self] }), name)).toBe('');
  });

  it('has a clause in the right tense and mood for every status, and only "active" states today’s sharing as fact', () => {
    const said = Object.fromEntries(STATUSES.map((status) => [status, findingSentence(sampleArrangement({ id: status, status, flows: bankToFacebook }), name)]));
    expect(said).toEqual({
      active: 'Citigroup shares card transactions and account balances with Facebook.',
      ended: 'Citigroup shared card transactions and account balances with Facebook; this has ended.',
      proposed: 'It was proposed that Citigroup share card transactions and account balances with Facebook.',
      declined: 'Citigroup was asked to share card transactions and account balances with Facebook and declined.',
      reported: 'Unconfirmed reports say Citigroup shares card transactions and account balances with Facebook.',
      'under-investigation': 'Regulators are investigating whether Citigroup shares card transactions and account balances with Facebook.',
      fined: 'Citigroup shared card transactions and account balances with Facebook, which led to a fine.',
      settled: 'A legal settlement was reached over claims that Citigroup shared card transactions and account balances with Facebook.',
    });
    // Nothing but an active entry begins with the bare present-tense claim.
    expect(STATUSES.filter((s) => said[s]!.startsWith('Citigroup shares'))).toEqual(['active']);
  });

  it('writes the sentence in the user’s language, lists included', async () => {
    await speak('es');
    const a = sampleArrangement({ id: 'a', flows: [{ from: 'paypal', to: 'facebook', data: ['payment-transactions', 'contact-details'], purpose: 'x' }] });
    expect(findingSentence(a, name)).toBe('PayPal comparte historial de pagos y datos de contacto con Facebook.');
    expect(findingSentence(sampleArrangement({ id: 'r', status: 'reported', flows: bankToFacebook }), name)).toBe(
      'Según informaciones no confirmadas, Citigroup comparte transacciones con tarjeta y saldos de cuenta con Facebook.',
    );
  });
});
