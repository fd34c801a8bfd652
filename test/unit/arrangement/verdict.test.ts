import { beforeEach, describe, expect, it } from 'vitest';
import { verdictSentence } from '@/components/arrangement/verdict';
import type { Arrangement } from '@/utils/model/arrangement';
import type { TabReport } from '@/utils/model/tab-report';
import { sampleArrangement } from '../fixtures';
import { speak } from '../popup/messages';

const NAMES: Record<string, string> = { facebook: 'Facebook', messenger: 'Messenger', paypal: 'PayPal', visa: 'Visa', mastercard: 'Mastercard', stripe: 'Stripe', amex: 'Amex' };
const name = (id: string) => NAMES[id] ?? id;
type Finding = TabReport['findings'][number];
const byFeature = (id: string): Finding => ({ arrangementId: id, via: 'platform', ruleIds: ['r'], partners: [], features: ['p2p-payments'], because: [] });
const byPartner = (id: string, partner: string): Finding => ({ arrangementId: id, via: 'platform', ruleIds: ['r'], partners: [partner], features: [], because: [] });

function verdict(entries: [Finding, Arrangement][]) {
  return verdictSentence({ findings: entries.map(([f]) => f), arrangements: Object.fromEntries(entries.map(([, a]) => [a.id, a])), features: ['p2p-payments'], name });
}

describe('the verdict', () => {
  beforeEach(() => speak('en'));

  it('names who receives which data when paying, and a partner the user chooses after "if you use"', () => {
    const cards = sampleArrangement({
      id: 'cards',
      flows: [
        { from: 'messenger', to: 'facebook', data: ['card-details', 'payment-transactions'], purpose: 'x' },
        { from: 'facebook', to: 'visa', data: ['payment-transactions'], purpose: 'x' },
        { from: 'facebook', to: 'mastercard', data: ['payment-transactions'], purpose: 'x' },
      ],
    });
    const paypal = sampleArrangement({ id: 'paypal', flows: [{ from: 'messenger', to: 'paypal', data: ['payment-transactions'], purpose: 'x' }] });
    expect(verdict([[byFeature('cards'), cards], [byPartner('paypal', 'paypal'), paypal]])).toBe(
      'Paying here shares your payment history and card details with Facebook, Visa, and Mastercard, and with PayPal if you use PayPal.',
    );
  });

  it('leaves past, proposed and reported entries and self-flows out of it', () => {
    const active = sampleArrangement({ id: 'a', flows: [{ from: 'paypal', to: 'paypal', data: ['identity'], purpose: 'x' }, { from: 'paypal', to: 'facebook', data: ['payment-transactions'], purpose: 'x' }] });
    const ended = sampleArrangement({ id: 'e', status: 'ended', flows: [{ from: 'facebook', to: 'stripe', data: ['card-details'], purpose: 'x' }] });
    const reported = sampleArrangement({ id: 'r', status: 'reported', flows: [{ from: 'facebook', to: 'amex', data: ['account-balances'], purpose: 'x' }] });
    expect(verdict([[byFeature('a'), active], [byFeature('e'), ended], [byFeature('r'), reported]])).toBe('Paying here shares your payment history with Facebook.');
  });

  it('says when nothing known is in force, and when nothing is known at all', () => {
    expect(verdict([[byFeature('e'), sampleArrangement({ id: 'e', status: 'ended' })]])).toBe(
      'No arrangement here is known to be in force today; 1 past, proposed or reported one is listed below.',
    );
    expect(verdict([])).toBe('Ledgerlight found person-to-person payments here, but knows of no arrangement behind it.');
  });

  it('stays short with many parties and data categories', () => {
    const many = sampleArrangement({
      id: 'm',
      flows: ['visa', 'mastercard', 'stripe', 'amex', 'paypal'].map((to) => ({ from: 'facebook', to, data: ['card-details' as const, 'contact-details' as const, 'identity' as const], purpose: 'x' })),
    });
    expect(verdict([[byFeature('m'), many]])).toBe('Paying here shares your card details, contact details, and more with Visa, Mastercard, Stripe, and 2 others.');
  });

  it('is written in the user’s language', async () => {
    await speak('pt_BR');
    const a = sampleArrangement({ id: 'a' });
    expect(verdict([[byFeature('a'), a]])).toBe('Ao pagar aqui, seus dados vão para Facebook: histórico de pagamentos.');
  });
});
