import type { CDPSession } from 'playwright-core';

/** The parts of a V8 CPU profile (DevTools protocol `Profiler.Profile`) the benchmark reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Whose code a sample was in; a sample counts for the innermost party found on its stack. */
export type Party = 'ours' | 'naive' | 'page' | 'other';

export interface PartyTime {
  /** Total sampled time, ms. */
  total: number;
  /** Longest stretch of consecutive samples in this party's code: its longest task, ms. */
  longest: number;
  /** Time the profiler did not see, after this party's samples: the part of each gap past MAX_SAMPLE_US, ms. */
  unseen: number;
  /** Every stretch, in order, ms. */
  runs: number[];
}

/** 50 µs: fine enough to time a sub-millisecond batch, coarse enough that sampling costs little. */
const SAMPLING_INTERVAL_US = 50;

/**
 * The most one sample stands for. V8 samples the page's thread by signalling it; when the thread
 * is not running (the system gave both cores to the browser or the service worker for a while),
 * the next sample comes late, and the gap says nothing about what ran. Gaps of 8 to 15 ms were
 * seen inside calls such as `Element.closest` on a single element, which take microseconds: counted
 * whole, two such gaps made up more than half of the extension's script time in one run. Ten intervals keep every real
 * jitter and count no gap past that for anyone, page or extension; what is left out is reported.
 */
export const MAX_SAMPLE_US = 10 * SAMPLING_INTERVAL_US;

export async function startProfiling(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
}

export async function stopProfiling(cdp: CDPSession): Promise<Profile> {
  const { profile } = await cdp.send('Profiler.stop');
  return profile as Profile;
}

/**
 * Attributes each sample to a party by the scripts on its stack: native work a script asked for
 * (querySelectorAll, textContent) is sampled under the script's frame, so it counts for that
 * script. Garbage collection between two samples of one party is counted as that party's, since
 * its allocations caused it and it runs in the same task.
 */
export function attribute(profile: Profile, classify: (url: string) => Party | undefined): Record<Party, PartyTime> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partyOf = new Map<number, Party | 'gc' | 'idle'>();
  const resolve = (id: number): Party | 'gc' | 'idle' => {
    const known = partyOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let party: Party | 'gc' | 'idle';
    if (name === '(garbage collector)') party = 'gc';
    else if (name === '(idle)') party = 'idle';
    else {
      party = classify(node.callFrame.url) ?? (parent.has(id) ? resolve(parent.get(id)!) : 'other');
      if (party === 'gc' || party === 'idle') party = 'other';
    }
    partyOf.set(id, party);
    return party;
  };

  const result: Record<Party, PartyTime> = {
    ours: { total: 0, longest: 0, unseen: 0, runs: [] },
    naive: { total: 0, longest: 0, unseen: 0, runs: [] },
    page: { total: 0, longest: 0, unseen: 0, runs: [] },
    other: { total: 0, longest: 0, unseen: 0, runs: [] },
  };
  let current: Party | undefined;
  let run = 0;
  let pendingGc = 0;
  const close = () => {
    if (current && run > 0) {
      result[current].runs.push(run / 1000);
      result[current].longest = Math.max(result[current].longest, run / 1000);
    }
    current = undefined;
    run = 0;
    pendingGc = 0;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample lasts until the next one is taken, up to MAX_SAMPLE_US.
    const delta = profile.timeDeltas[i + 1] ?? SAMPLING_INTERVAL_US;
    const duration = Math.min(delta, MAX_SAMPLE_US);
    const party = resolve(profile.samples[i]!);
    if (party !== 'gc' && party !== 'idle') result[party].unseen += (delta - duration) / 1000;
    if (party === 'gc') {
      pendingGc += duration;
      continue;
    }
    if (party === 'idle') {
      close();
      continue;
    }
    if (party === current) {
      run += pendingGc;
      result[party].total += pendingGc / 1000;
    } else {
      close();
      current = party;
    }
    pendingGc = 0;
    run += duration;
    result[party].total += duration / 1000;
  }
  close();
  return result;
}
