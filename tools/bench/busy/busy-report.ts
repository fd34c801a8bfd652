import { median } from '../table';
import type { Workload } from './busy-page';
import type { Contender, WorkloadRun } from './busy-run';

/** Our share of the main thread's busy time, at most (issue 22). */
export const SHARE_BUDGET = 0.35;
/** A title change or an in-app move that changes nothing found costs less than this, ms. */
export const QUIET_CHANGE_BUDGET = 0.02;
/** Elements the first scan may read while the page appends. */
export const FIRST_SCAN_READ_BUDGET = 1_000;

export interface BusyResults {
  workloads: Workload[];
  runs: number;
  byContender: Partial<Record<Contender, Map<string, WorkloadRun[]>>>;
  badgerSkipped?: string;
}

const med = (runs: WorkloadRun[] | undefined, pick: (r: WorkloadRun) => number) => (runs?.length ? median(runs.map(pick)) : undefined);
const ms = (value: number | undefined) => (value === undefined ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1));

/** Changes the page made during its activity that must cost nothing: title rewrites and pushState calls. */
function quietChanges(w: Workload): number {
  if (w.appendPerTick || w.scroll) return 0;
  const ticks = Math.floor(w.activeMs / w.tickMs);
  return (w.title ? ticks : 0) + (w.pushEvery ? Math.floor(ticks / w.pushEvery) : 0);
}

/** The table of the busy pages, and every budget it missed, in words. */
export function busyReport(results: BusyResults): { text: string; missed: string[] } {
  const { workloads, byContender } = results;
  const missed: string[] = [];
  const rows = [['Workload', 'Ours', 'Floor', 'Badger', 'Page script', 'Busy', 'Ours/busy', 'Layouts', 'Verdict', 'What the page does']];
  for (const w of workloads) {
    const ours = byContender.ours?.get(w.name);
    const floor = med(byContender.floor?.get(w.name), (r) => r.ours);
    const badger = med(byContender.badger?.get(w.name), (r) => r.ours);
    const cost = med(ours, (r) => r.ours)!;
    const page = med(ours, (r) => r.page)!;
    const busy = med(ours, (r) => r.busy)!;
    const layouts = med(ours, (r) => r.forcedLayouts)!;
    const share = (100 * cost) / busy;
    const faults: string[] = [];
    if (badger !== undefined && cost > badger) faults.push('over Privacy Badger');
    if (floor !== undefined && cost > 2 * floor) faults.push('over 2× the floor');
    if (share > SHARE_BUDGET) faults.push(`over ${SHARE_BUDGET} % of busy time`);
    if (layouts > 0) faults.push('forced layout');
    const changes = quietChanges(w);
    let note = w.about;
    if (changes) {
      const each = med(ours, (r) => r.oursActive)! / changes;
      const reported = med(ours, (r) => r.reportsDuringActivity)!;
      note += `; ${(each * 1000).toFixed(1)} µs a change, ${reported ? 'reported again' : 'no report sent'}`;
      if (each >= QUIET_CHANGE_BUDGET) faults.push(`${each.toFixed(3)} ms a change`);
      if (reported) faults.push('sent a report');
    }
    for (const f of faults) missed.push(`${w.name}: ${f}`);
    rows.push([w.name, ms(cost), ms(floor), ms(badger), ms(page), ms(busy), `${share.toFixed(3)} %`, String(layouts), faults.length ? 'OVER BUDGET' : 'within', note]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const table = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
  return { text: `${table}\n${growth(results)}`, missed };
}

/**
 * How our cost grows: with the page's size (same additions, more elements) it must stay flat;
 * with the rate of additions it may grow, in proportion at most.
 */
function growth({ workloads, byContender }: BusyResults): string {
  const cost = (name: string) => med(byContender.ours?.get(name), (r) => r.ours);
  const series = (names: string[]) =>
    names
      .filter((n) => workloads.some((w) => w.name === n))
      .map((n) => `${n} ${ms(cost(n))} ms`)
      .join(', ');
  return [
    `Page size, same 10 posts/s: ${series(['1k elements', '10k elements', '100k elements', '300k elements'])}.`,
    `Rate, same 100k-element page: ${series(['10 posts/s', '100 posts/s', '1000 posts/s'])}.`,
  ].join('\n');
}
