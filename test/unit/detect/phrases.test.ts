import { describe, expect, it } from 'vitest';
import { findPhrases, indexPhrases } from '@/page/detect/phrases';

const index = indexPhrases(['pay', 'pay with paypal', 'send money', 'snapchat+', "envoyer de l'argent", 'पैसे भेजें', 'billing & payments', 'buy now, pay later']);
const find = (label: string, extraWords = 6) => findPhrases(label.toLowerCase(), index, extraWords);

describe('finding rule phrases in a control’s name', () => {
  it('takes the longest phrase at each place, and goes on after it', () => {
    expect(find('Pay with PayPal')).toEqual(['pay with paypal']);
    expect(find('Pay now or send money')).toEqual(['pay', 'send money']);
  });

  it('matches whole words only', () => {
    expect(find('Paypal')).toEqual([]);
    expect(find('Resend money')).toEqual([]);
    expect(find('Snapchat')).toEqual([]); // the product, not its paid tier
    expect(find('Get Snapchat+')).toEqual(['snapchat+']);
  });

  it('counts a phrase only in a name of a few words, not in a sentence around it', () => {
    expect(find('Send money to friends and family instantly')).toEqual(['send money']);
    expect(find('can you send money to my account before the weekend please')).toEqual([]);
    expect(find('Pay with PayPal now', 1)).toEqual(['pay with paypal']);
    expect(find('Pay with PayPal right now', 1)).toEqual([]);
  });

  it('reads curly apostrophes, other scripts, and punctuation between words', () => {
    expect(find('Envoyer de l’argent')).toEqual(["envoyer de l'argent"]);
    expect(find('पैसे भेजें')).toEqual(['पैसे भेजें']);
    expect(find('Billing & Payments')).toEqual(['billing & payments']);
    expect(find('Buy now, pay later')).toEqual(['buy now, pay later']);
    expect(find('Buy now — pay later')).toEqual(['buy now, pay later']);
  });
});
