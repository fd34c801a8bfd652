import type { DataCategory, FeatureKind, ScoreDimension, Status } from '@/utils/model/vocabulary';

export const FEATURE_LABELS: Record<FeatureKind, string> = {
  'p2p-payments': 'Person-to-person payments',
  checkout: 'In-app checkout or shop',
  'payment-settings': 'Stored cards and payment settings',
  'bank-linking': 'Bank account linking',
  wallet: 'Wallet or balance',
  tipping: 'Tipping',
  subscriptions: 'Subscriptions and paid memberships',
  'creator-payouts': 'Creator payouts',
  'ad-payments': 'Ad payments',
  bnpl: 'Buy now, pay later',
  'financial-presence': 'A financial firm’s page, chat or ad',
};

export const DATA_LABELS: Record<DataCategory, string> = {
  'card-transactions': 'card transactions',
  'account-balances': 'account balances',
  'card-details': 'card details',
  'bank-account-details': 'bank account details',
  'payment-transactions': 'payments made',
  'purchase-details': 'what was bought',
  'contact-details': 'contact details',
  addresses: 'billing and shipping addresses',
  'device-identifiers': 'device identifiers',
  identity: 'identity details',
  'tax-and-income': 'tax and income details',
  'credit-profile': 'credit profile',
  'browsing-activity': 'browsing activity',
  'social-graph': 'friends and contacts',
  'shopping-preferences': 'shopping preferences',
  location: 'location',
  'login-credentials': 'bank login credentials',
  'aggregate-sales': 'aggregated sales figures',
  'risk-scores': 'risk scores',
  messages: 'messages',
};

export const STATUS_LABELS: Record<Status, string> = {
  active: 'Active',
  ended: 'Ended',
  proposed: 'Proposed',
  declined: 'Declined',
  reported: 'Reported, not confirmed',
  'under-investigation': 'Under investigation',
  fined: 'Fined',
  settled: 'Settled',
};

export const SCORE_LABELS: Record<ScoreDimension, string> = {
  control: 'Your control',
  collection: 'Data collected',
  retention: 'How long it is kept',
  deletion: 'Can it be deleted',
};
