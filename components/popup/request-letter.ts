import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import type { DataCategory } from '@/utils/model/vocabulary';
import { DATA_LABELS, listOf } from '../../utils/i18n';

export type Law = 'gdpr' | 'ccpa';
export type RequestKind = 'access' | 'deletion';
export const LAWS: readonly Law[] = ['gdpr', 'ccpa'];

/** Where the GDPR (or the UK's copy of it) gives people these rights: the EU, the rest of the EEA, and the UK. */
const GDPR_REGIONS = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB'.split(' '),
);

/**
 * The laws to offer for an arrangement, best fit first, from the regions it covers. Every law
 * stays on offer: which one applies depends on where the user lives, which only they know.
 */
export function lawsFor(regions: readonly string[]): Law[] {
  const fits = new Set<Law>();
  for (const region of regions) {
    if (region === 'global' || GDPR_REGIONS.has(region)) fits.add('gdpr');
    if (region === 'global' || region === 'US') fits.add('ccpa');
  }
  return [...fits, ...LAWS.filter((law) => !fits.has(law))];
}

/** A party that receives data in the arrangement, and which categories it receives: who a request goes to. */
export interface RequestTarget {
  party: string;
  data: DataCategory[];
}

export function requestTargets(arrangement: Pick<Arrangement, 'flows'>): RequestTarget[] {
  const byParty = new Map<string, Set<DataCategory>>();
  for (const flow of arrangement.flows) {
    if (flow.to === 'any') continue;
    const data = byParty.get(flow.to) ?? new Set();
    flow.data.forEach((d) => data.add(d));
    byParty.set(flow.to, data);
  }
  return [...byParty].map(([party, data]) => ({ party, data: [...data] }));
}

export interface RequestLetter {
  subject: string;
  /** The whole letter, subject line first, as plain text. */
  text: string;
  fileName: string;
}

/** Each law's messages, named once so the compiler checks every key. */
const LETTER = {
  gdpr: {
    access: ['letter.gdpr.accessSubject', 'letter.gdpr.access', 'letter.gdpr.accessDetails'],
    deletion: ['letter.gdpr.deletionSubject', 'letter.gdpr.deletion', 'letter.gdpr.deletionDetails'],
    greeting: 'letter.gdpr.greeting',
    deadline: 'letter.gdpr.deadline',
  },
  ccpa: {
    access: ['letter.ccpa.accessSubject', 'letter.ccpa.access', 'letter.ccpa.accessDetails'],
    deletion: ['letter.ccpa.deletionSubject', 'letter.ccpa.deletion', 'letter.ccpa.deletionDetails'],
    greeting: 'letter.ccpa.greeting',
    deadline: 'letter.ccpa.deadline',
  },
} as const;

/**
 * A data access or deletion request to the party that received the data, naming the categories
 * it received. What only the user knows (name, account, date) is left in brackets to fill in.
 */
export function requestLetter(options: { law: Law; kind: RequestKind; partyName: string; data: readonly DataCategory[]; arrangementTitle: string }): RequestLetter {
  const messages = LETTER[options.law];
  const [subjectKey, bodyKey, detailsKey] = messages[options.kind];
  const subject = i18n.t(subjectKey);
  const name = i18n.t('letter.yourName');
  const paragraphs = [
    subject,
    i18n.t(messages.greeting, { party: options.partyName }),
    i18n.t(bodyKey, { data: listOf(options.data.map((d) => DATA_LABELS[d])), arrangement: options.arrangementTitle }),
    i18n.t(detailsKey),
    i18n.t(messages.deadline),
    i18n.t('letter.identify', { name, account: i18n.t('letter.yourAccount') }),
    `${i18n.t('letter.closing')}\n${name}\n${i18n.t('letter.date')}`,
  ];
  const slug = options.partyName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'request';
  return { subject, text: `${paragraphs.join('\n\n')}\n`, fileName: `${options.law}-${options.kind}-request-${slug}.txt` };
}
