import { describe, expect, it } from 'vitest';
import { threadCost, type TraceEvent } from '../../../tools/bench/busy/trace';

const OURS = 'chrome-extension://abc/';
const PAGE = 'https://www.facebook.com/';
const MAIN = { pid: 1, tid: 1, ph: 'X' };

/** A complete event on the page's main thread: start and wall time in ms, thread time in ms. */
function event(name: string, ts: number, dur: number, tdur: number, url?: string): TraceEvent {
  return { ...MAIN, name, ts: ts * 1000, dur: dur * 1000, tdur: tdur * 1000, args: url ? { data: { url } } : {} };
}

describe('reading a Chromium trace for one extension', () => {
  it('counts thread time, not wall time, and each of our entries once even when nested', () => {
    const cost = threadCost(
      [
        event('RunTask', 0, 12, 10),
        event('EvaluateScript', 0, 10, 8, PAGE),
        // Our mutation observer's callback runs at the end of the page's script, inside its entry.
        event('FunctionCall', 7, 3, 2, `${OURS}content-scripts/social.js`),
        event('FunctionCall', 8, 1, 0.5, `${OURS}content-scripts/social.js`),
        event('RunTask', 20, 6, 3),
        event('FunctionCall', 20, 6, 3, `${OURS}content-scripts/social.js`),
        event('FunctionCall', 40, 1, 1, 'chrome-extension://other/observe.js'),
      ],
      OURS,
      PAGE,
    );
    expect(cost.ours).toBeCloseTo(5);
    expect(cost.calls).toBe(2);
    expect(cost.page).toBeCloseTo(6);
    expect(cost.busy).toBeCloseTo(13);
  });

  it('counts a layout inside our entry as forced by us, and splits off what ran after the page began its activity', () => {
    const cost = threadCost(
      [
        event('EvaluateScript', 0, 5, 5, PAGE),
        event('FunctionCall', 10, 20, 18, `${OURS}x.js`),
        event('Layout', 12, 15, 15),
        event('Layout', 40, 15, 15),
        { ...MAIN, ph: 'R', name: 'bench:activity', ts: 50_000 },
        event('FunctionCall', 60, 1, 0.25, `${OURS}x.js`),
      ],
      OURS,
      PAGE,
    );
    expect(cost.forcedLayouts).toBe(1);
    expect(cost.ours).toBeCloseTo(18.25);
    expect(cost.oursActive).toBeCloseTo(0.25);
  });

  it('refuses a trace without the page', () => {
    expect(() => threadCost([event('RunTask', 0, 1, 1)], OURS, PAGE)).toThrow(/no script/);
  });
});
