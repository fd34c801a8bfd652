import { i18n } from '#i18n';
import type { Arrangement, DataFlow } from '@/utils/model/arrangement';
import type { Status } from '@/utils/model/vocabulary';
import { DATA_LABELS, listOf } from '../../utils/i18n';

/**
 * Message keys are fixed strings, so each status names its clause explicitly (and the compiler
 * checks them). The status decides tense and mood: only "active" says data moves today; what is
 * reported, proposed, asked for or investigated is never said to have happened.
 */
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

/** A flow from a party to itself says nothing about who receives what: it is left out everywhere. */
export const realFlows = (flows: readonly DataFlow[]): DataFlow[] => flows.filter((flow) => flow.from !== flow.to);

/** "card transactions and account balances", in the messages' language. */
export const dataList = (data: DataFlow['data']) => listOf(data.map((d) => DATA_LABELS[d]));

/** One flow as a clause ("PayPal shares payment history with Facebook"), in the tense its status asks for. */
export function flowClause(flow: DataFlow, status: Status, name: (id: string) => string): string {
  return i18n.t(CLAUSE[status], { from: name(flow.from), to: name(flow.to), data: dataList(flow.data) });
}

/**
 * One plain sentence on who shares what with whom, e.g. "PayPal shares payment history with
 * Facebook." Every word comes from the entry's structured fields and the locale files, never from
 * its free text, so the sentence is wholly in the user's language. Empty when the entry has no
 * flow between two different parties.
 */
export function findingSentence(arrangement: Pick<Arrangement, 'flows' | 'status'>, name: (id: string) => string): string {
  const clauses = realFlows(arrangement.flows).map((flow) => flowClause(flow, arrangement.status, name));
  if (!clauses.length) return '';
  return sentenceCase(listOf(clauses));
}

export const sentenceCase = (text: string) => `${text.charAt(0).toLocaleUpperCase()}${text.slice(1)}.`;
