/**
 * The controlled vocabularies every list, rule and screen shares. Ids are stable: imported lists,
 * history and rules refer to them, so rename only with a data migration.
 */
export const FEATURE_KINDS = [
  'p2p-payments',
  'checkout',
  'payment-settings',
  'bank-linking',
  'wallet',
  'tipping',
  'subscriptions',
  'creator-payouts',
  'ad-payments',
  'bnpl',
  'financial-presence',
  // The other direction (issue 20): a financial firm's own page loads a social platform's code.
  'social-tracking',
  'social-sign-in',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** The kinds only tracker rules find, on financial firms' own pages; social sites' rules never do. */
export const FIRM_PAGE_FEATURES: readonly FeatureKind[] = ['social-tracking', 'social-sign-in'];

export const DATA_CATEGORIES = [
  'card-transactions',
  'account-balances',
  'card-details',
  'bank-account-details',
  'payment-transactions',
  'purchase-details',
  'contact-details',
  'addresses',
  'device-identifiers',
  'identity',
  'tax-and-income',
  'credit-profile',
  'browsing-activity',
  'social-graph',
  'shopping-preferences',
  'location',
  'login-credentials',
  'aggregate-sales',
  'risk-scores',
  'messages',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const STATUSES = [
  'active',
  'ended',
  'proposed',
  'declined',
  'reported',
  'under-investigation',
  'fined',
  'settled',
] as const;
export type Status = (typeof STATUSES)[number];

export const ENTITY_KINDS = [
  'platform',
  'owner',
  'bank',
  'card-network',
  'payment-firm',
  'bnpl',
  'fintech',
  'tax-prep',
  'lender',
  'regulator',
  // A group that tests and rates products (Consumer Reports): a statement's `by` can name it.
  'rater',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The four dimensions of the payments-privacy ratings in Ledgerlight's origin story. */
export const SCORE_DIMENSIONS = ['control', 'collection', 'retention', 'deletion'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;

/** Languages every text or aria-label signal must cover. */
export const SIGNAL_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'hi', 'id'] as const;
export type SignalLanguage = (typeof SIGNAL_LANGUAGES)[number];
