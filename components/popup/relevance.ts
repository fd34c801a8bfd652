import type { Arrangement, UserControl } from '@/utils/model/arrangement';
import type { Status } from '@/utils/model/vocabulary';
import type { TabReport } from '@/utils/model/tab-report';

type Finding = TabReport['findings'][number];
export interface Row {
  finding: Finding;
  arrangement: Arrangement;
}

/** What affects the user today comes first; what ended or never happened comes last. */
const CURRENT_FIRST: readonly Status[] = ['active', 'under-investigation', 'fined', 'reported', 'settled', 'ended', 'proposed', 'declined'];
/** Past, proposed or refused: told under "Show N more", not on the first screen. */
const SECONDARY = new Set<Status>(['ended', 'settled', 'proposed', 'declined']);

/**
 * The findings in the order a person on this page cares about them: those tied to a feature the
 * page shows before those tied only to a partner's name, today's before the past, the user's
 * region before others. Past, proposed and "wherever this partner appears" entries are secondary.
 */
export function rankRows(report: Pick<TabReport, 'findings' | 'arrangements'>, region: string | undefined): { primary: Row[]; secondary: Row[] } {
  const rows = report.findings.flatMap((finding) => {
    const arrangement = report.arrangements[finding.arrangementId];
    return arrangement ? [{ finding, arrangement }] : [];
  });
  const key = ({ finding: f, arrangement: a }: Row) => [
    f.features.length ? 0 : 1,
    CURRENT_FIRST.indexOf(a.status),
    region && (a.regions.includes(region) || a.regions.includes('global')) ? 0 : 1,
  ];
  // Array.prototype.sort is stable: rows equal on every key keep the order matching found them in.
  const sorted = rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => byKeys(a.key, b.key))
    .map((r) => r.row);
  const secondary = (r: Row) => SECONDARY.has(r.arrangement.status) || r.finding.via === 'any';
  return { primary: sorted.filter((r) => !secondary(r)), secondary: sorted.filter(secondary) };
}

function byKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The most protective kind of control first: one that stops the sharing, then one that limits it. */
const PROTECTIVE: readonly UserControl['kind'][] = ['opt-out', 'settings', 'data-request', 'info'];

export interface Action {
  control: UserControl;
  arrangement: Arrangement;
}

/** Every real control the rows offer (one with a page to open), the most protective first, each page once. */
export function bestActions(rows: readonly Row[]): Action[] {
  const seen = new Set<string>();
  const actions: Action[] = [];
  for (const { arrangement } of rows)
    for (const control of arrangement.userControls)
      if (control.url && control.kind !== 'info' && !seen.has(control.url)) {
        seen.add(control.url);
        actions.push({ control, arrangement });
      }
  // Stable: within a kind, the order of the rows (most relevant first) is kept.
  return actions.sort((a, b) => PROTECTIVE.indexOf(a.control.kind) - PROTECTIVE.indexOf(b.control.kind));
}
