import { beforeEach, describe, expect, it } from 'vitest';
import { lawsFor, requestLetter, requestTargets } from '@/components/popup/request-letter';
import { sampleArrangement } from '../fixtures';
import { speak } from './messages';

describe('lawsFor', () => {
  it('offers the GDPR first for European regions and the CCPA first for the US', () => {
    expect(lawsFor(['DE', 'FR'])).toEqual(['gdpr', 'ccpa']);
    expect(lawsFor(['GB'])[0]).toBe('gdpr');
    expect(lawsFor(['US'])).toEqual(['ccpa', 'gdpr']);
  });

  it('keeps every law on offer when the regions fit none, since the user’s residence decides', () => {
    expect(lawsFor(['BR'])).toEqual(['gdpr', 'ccpa']);
  });
});

describe('requestTargets', () => {
  it('addresses the parties that receive data, with what each receives', () => {
    const a = sampleArrangement({
      id: 'a',
      flows: [
        { from: 'paypal', to: 'facebook', data: ['payment-transactions'], purpose: 'x' },
        { from: 'mastercard', to: 'facebook', data: ['purchase-details', 'payment-transactions'], purpose: 'y' },
        { from: 'facebook', to: 'paypal', data: ['contact-details'], purpose: 'z' },
      ],
    });
    expect(requestTargets(a)).toEqual([
      { party: 'facebook', data: ['payment-transactions', 'purchase-details'] },
      { party: 'paypal', data: ['contact-details'] },
    ]);
  });
});

describe('requestLetter', () => {
  beforeEach(() => speak('en'));
  const base = { partyName: 'Meta Platforms', data: ['card-transactions', 'account-balances'] as const, arrangementTitle: 'Facebook sought bank data for Messenger' };

  it('writes a GDPR Article 15 access request to the receiving party naming the data', () => {
    const letter = requestLetter({ ...base, law: 'gdpr', kind: 'access' });
    expect(letter.subject).toBe('Request for access to my personal data (Article 15 GDPR)');
    expect(letter.text.startsWith(`${letter.subject}\n\nTo the data protection officer of Meta Platforms,`)).toBe(true);
    expect(letter.text).toContain('in particular: card transactions and account balances, including anything you received in connection with “Facebook sought bank data for Messenger”.');
    expect(letter.text).toContain('within one month');
    expect(letter.text).toContain('[your name]');
    expect(letter.fileName).toBe('gdpr-access-request-meta-platforms.txt');
  });

  it('cites Article 17 and asks for onward erasure in a GDPR deletion request', () => {
    const letter = requestLetter({ ...base, law: 'gdpr', kind: 'deletion' });
    expect(letter.text).toContain('Under Article 17 of the General Data Protection Regulation, I ask you to erase');
    expect(letter.text).toContain('Article 19');
    expect(letter.text).not.toContain('Article 15');
  });

  it('cites the CCPA sections and its 45-day deadline for Californians', () => {
    const access = requestLetter({ ...base, law: 'ccpa', kind: 'access' });
    const deletion = requestLetter({ ...base, law: 'ccpa', kind: 'deletion' });
    expect(access.text).toContain('§ 1798.110');
    expect(deletion.text).toContain('§ 1798.105');
    expect(deletion.text).toContain('45 days');
    expect(deletion.text).not.toContain('GDPR');
    expect(deletion.fileName).toBe('ccpa-deletion-request-meta-platforms.txt');
  });

  it('leaves no message name or placeholder unfilled in any language', async () => {
    for (const locale of ['en', 'es', 'pt_BR', 'hi'] as const) {
      await speak(locale);
      for (const law of ['gdpr', 'ccpa'] as const)
        for (const kind of ['access', 'deletion'] as const) {
          const { text } = requestLetter({ ...base, law, kind });
          expect(text, `${locale} ${law} ${kind}`).not.toMatch(/\{\w+\}|\$\d|\n\n\n/);
          expect(text).toContain('Meta Platforms');
        }
    }
  });
});
