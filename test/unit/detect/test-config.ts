import type { PageConfig } from '@/utils/model/page-config';
import type { Rule } from '@/utils/model/rule';
import { SIGNAL_LANGUAGES } from '@/utils/model/vocabulary';

/** The same phrases in every language the schema requires; enough for tests about mechanics. */
export function everyLanguage(...phrases: string[]) {
  return Object.fromEntries(SIGNAL_LANGUAGES.map((language) => [language, phrases])) as Extract<Rule['signals'][number], { kind: 'control' }>['labels'];
}

export const SEND_MONEY: Rule = {
  id: 'chat-send-money',
  feature: 'p2p-payments',
  confidence: 'high',
  description: 'Sends money in chat.',
  signals: [{ kind: 'control', labels: everyLanguage('send money') }],
};
export const PAYMENT_FRAME: Rule = {
  id: 'payment-frame',
  feature: 'checkout',
  confidence: 'high',
  description: 'A payment firm frame.',
  signals: [{ kind: 'frame', entityKinds: ['payment-firm'] }],
};
export const BANK_LINK: Rule = {
  id: 'financial-site-link',
  feature: 'financial-presence',
  confidence: 'low',
  description: 'A link to a bank.',
  signals: [{ kind: 'link', entityKinds: ['bank'] }],
};
export const PAY_SETTINGS_ROUTE: Rule = {
  id: 'meta-payment-settings-route',
  feature: 'payment-settings',
  confidence: 'high',
  description: 'Payment settings.',
  signals: [{ kind: 'route', pattern: '^/facebook_pay(?:[/?#]|$)' }],
};
export const BANK_PAGE: Rule = {
  id: 'financial-entity-page',
  feature: 'financial-presence',
  confidence: 'high',
  description: 'A bank page.',
  signals: [{ kind: 'entity-page', prefix: '/', entityKinds: ['bank'] }],
};

/** A Facebook page config with a payment firm and a bank; tests add the rules they are about. */
export function testConfig(rules: Rule[] = [SEND_MONEY, PAYMENT_FRAME, BANK_LINK, PAY_SETTINGS_ROUTE, BANK_PAGE]): PageConfig {
  return {
    platform: { id: 'facebook', owner: 'meta' },
    rules,
    entities: [
      { id: 'paypal', kind: 'payment-firm', domains: ['paypal.com'], handles: {} },
      { id: 'jpmorgan-chase', kind: 'bank', domains: ['chase.com'], handles: { facebook: ['chase'] } },
    ],
    markers: false,
    wholePage: false,
  };
}
