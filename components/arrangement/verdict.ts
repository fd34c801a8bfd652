import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import type { DataCategory, FeatureKind } from '@/utils/model/vocabulary';
import type { TabReport } from '@/utils/model/tab-report';
import { DATA_LABELS, FEATURE_LABELS, listOf } from '../../utils/i18n';
import { realFlows, sentenceCase } from './sentence';

/** Features where using them means paying: the verdict then opens with "Paying here". */
const PAYING: readonly FeatureKind[] = ['p2p-payments', 'checkout', 'payment-settings', 'wallet', 'tipping', 'subscriptions', 'bnpl'];
/** A verdict is read in five seconds: past this many data categories or parties it says "and more". */
const MOST_DATA = 2;
const MOST_PARTIES = 4;

type Finding = TabReport['findings'][number];

export interface VerdictInput {
  findings: readonly Finding[];
  arrangements: Readonly<Record<string, Arrangement>>;
  /** The feature kinds seen on the page. */
  features: readonly FeatureKind[];
  name(id: string): string;
}

/** Only arrangements in force today say where data goes now; the rest are told in the rows below. */
export const isActive = (a: Pick<Arrangement, 'status'> | undefined) => a?.status === 'active';

/**
 * The popup's first line: who receives what on this page. Built from the active findings' flows;
 * a finding that applies only because a partner's own button or frame is on the page (PayPal,
 * Stripe) is a choice the user makes, so its receivers come after "if you use …".
 */
export function verdictSentence({ findings, arrangements, features, name }: VerdictInput): string {
  const active = findings.filter((f) => isActive(arrangements[f.arrangementId]));
  if (!active.length) {
    const known = findings.filter((f) => arrangements[f.arrangementId]).length;
    if (known) return i18n.t('verdict.noneActive', known);
    return sentenceCase(i18n.t('verdict.unknown', { features: listOf([...new Set(features)].map((f) => FEATURE_LABELS[f].toLocaleLowerCase())) }));
  }
  const chosen = (f: Finding) => f.features.length === 0 && f.partners.length > 0;
  const always = gather(active.filter((f) => !chosen(f)), arrangements);
  const ifUsed = gather(active.filter(chosen), arrangements);
  // A party that receives data whatever the user does is not repeated under "if you use".
  for (const party of always.parties) ifUsed.parties.delete(party);
  const lead = features.some((f) => PAYING.includes(f)) ? 'verdict.pay' : 'verdict.use';
  const partners = listOf([...new Set(active.filter(chosen).flatMap((f) => f.partners))].map(name));
  if (!always.parties.size) return sentenceCase(i18n.t('verdict.onlyIf', { partners, data: dataSummary(ifUsed.data), parties: partySummary(ifUsed.parties, name) }));
  const main = i18n.t(lead, { data: dataSummary(always.data), parties: partySummary(always.parties, name) });
  if (!ifUsed.parties.size) return sentenceCase(main);
  return sentenceCase(i18n.t('verdict.alsoIf', { main, parties: partySummary(ifUsed.parties, name), partners }));
}

/** Who receives data and which data, most often named first. */
function gather(findings: readonly Finding[], arrangements: Readonly<Record<string, Arrangement>>) {
  const data = new Map<DataCategory, number>();
  const parties = new Set<string>();
  for (const f of findings)
    for (const flow of realFlows(arrangements[f.arrangementId]!.flows)) {
      parties.add(flow.to);
      for (const d of flow.data) data.set(d, (data.get(d) ?? 0) + 1);
    }
  return { data, parties };
}

function dataSummary(data: ReadonlyMap<DataCategory, number>): string {
  const ranked = [...data.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => DATA_LABELS[d]);
  return ranked.length > MOST_DATA ? listOf([...ranked.slice(0, MOST_DATA), i18n.t('verdict.moreData')]) : listOf(ranked);
}

function partySummary(parties: ReadonlySet<string>, name: (id: string) => string): string {
  const names = [...parties].map(name);
  return names.length > MOST_PARTIES ? listOf([...names.slice(0, MOST_PARTIES - 1), i18n.t('verdict.otherParties', names.length - MOST_PARTIES + 1)]) : listOf(names);
}
