import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import type { Status } from '@/utils/model/vocabulary';
import { DATA_LABELS, listOf } from '../../utils/i18n';

/** Message keys are fixed strings, so each status names its clause explicitly (and the compiler checks them). */
const CLAUSE = {
  active: 'flow.active',
  ended: 'flow.ended',
  proposed: 'flow.proposed',
  declined: 'flow.declined',
  reported: 'flow.reported',
  'under-investigation': 'flow.under_investigation',
  fined: 'flow.fined',
  settled: 'flow.settled',
} as const satisfies Record<Status, string>;

/**
 * One plain sentence on who shares what with whom, e.g. "PayPal shares payments made with
 * Facebook." Each data flow becomes a clause whose tense and hedging follow the arrangement's
 * status, so a declined request never reads as data that moved.
 */
export function findingSentence(arrangement: Pick<Arrangement, 'flows' | 'status'>, name: (id: string) => string): string {
  const clauses = arrangement.flows.map((flow) =>
    i18n.t(CLAUSE[arrangement.status], { from: name(flow.from), to: name(flow.to), data: listOf(flow.data.map((d) => DATA_LABELS[d])) }),
  );
  const sentence = listOf(clauses);
  return `${sentence.charAt(0).toLocaleUpperCase()}${sentence.slice(1)}.`;
}
