import type { CDPSession } from 'playwright-core';

/** The parts of a Chromium trace event (Trace Event Format, "X" complete events) the benchmark reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: CPU the thread spent inside the event, µs. */
  tdur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/**
 * devtools.timeline gives every script entry (FunctionCall for callbacks such as a mutation
 * observer's or an idle callback's, EvaluateScript, v8.compile) with the script's URL and its
 * thread time, and every Layout; RunTask is each task the main thread ran.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute'];
const SCRIPT_ENTRIES = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.evaluateModule']);

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** What one extension (and the page beside it) cost on the page's main thread, from one trace. */
export interface ThreadCost {
  /** Thread CPU of the extension's own script entries, ms; entries inside another of its own counted once. */
  ours: number;
  /** The same, from the page's activity mark on: what the changes alone cost. */
  oursActive: number;
  /** Script entries of the extension: its callbacks and evaluations. */
  calls: number;
  /** Thread CPU of the page's own scripts, ms, less the extension's entries nested in them. */
  page: number;
  /** Thread CPU of every task the main thread ran, ms. */
  busy: number;
  /** Layouts that ran inside the extension's entries: layout it forced by asking for geometry. */
  forcedLayouts: number;
}

const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';

/**
 * Attributes the page's main thread: the thread that evaluated the page's own script. `ours` is
 * the extension's URL prefix (chrome-extension://<id>/), `page` the page's.
 */
export function threadCost(events: TraceEvent[], ours: string, page: string): ThreadCost {
  const main = events.find((e) => e.name === 'EvaluateScript' && urlOf(e).startsWith(page));
  if (!main) throw new Error(`the trace holds no script of ${page}`);
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const activityAt = events.find((e) => e.name === 'bench:activity')?.ts ?? Infinity;
  const cost: ThreadCost = { ours: 0, oursActive: 0, calls: 0, page: 0, busy: 0, forcedLayouts: 0 };
  let oursEnd = -1;
  let pageEnd = -1;
  let taskEnd = -1;
  for (const e of onMain) {
    const end = e.ts + (e.dur ?? 0);
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'RunTask' && e.ts >= taskEnd) {
      cost.busy += cpu;
      taskEnd = end;
    }
    if (e.name === 'Layout' && e.ts < oursEnd) cost.forcedLayouts++;
    if (!SCRIPT_ENTRIES.has(e.name)) continue;
    const url = urlOf(e);
    if (url.startsWith(ours)) {
      if (e.ts < oursEnd) continue;
      oursEnd = end;
      cost.ours += cpu;
      cost.calls++;
      if (e.ts >= activityAt) cost.oursActive += cpu;
      // A mutation observer's callback runs at the end of the page's own script call, inside its entry.
      if (e.ts < pageEnd) cost.page -= cpu;
    } else if (url.startsWith(page) && e.ts >= pageEnd) {
      pageEnd = end;
      cost.page += cpu;
    }
  }
  return cost;
}
