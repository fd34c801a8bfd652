import { describe, expect, it } from 'vitest';
import { attribute, MAX_SAMPLE_US } from '../../../tools/bench/cpu-profile';

const OURS = 'chrome-extension://abc/content-scripts/social.js';
const PAGE = 'https://www.facebook.com/';

/** A profile with a root, one function of ours and one of the page's, sampled in the given order. */
function profile(samples: { who: 'ours' | 'page' | 'idle'; deltaUs: number }[]) {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 3, 4] },
    { id: 2, callFrame: { functionName: 'scan', url: OURS } },
    { id: 3, callFrame: { functionName: 'render', url: PAGE } },
    { id: 4, callFrame: { functionName: '(idle)', url: '' } },
  ];
  const ids = { ours: 2, page: 3, idle: 4 };
  // timeDeltas[i] is the time before sample i; a sample lasts until the next one.
  return { nodes, samples: samples.map((s) => ids[s.who]), timeDeltas: [0, ...samples.map((s) => s.deltaUs)] };
}
const classify = (url: string) => (url === OURS ? 'ours' : url === PAGE ? 'page' : undefined);

describe('attributing CPU profile samples', () => {
  it('counts each sample until the next one, and consecutive samples as one task', () => {
    const time = attribute(profile([{ who: 'ours', deltaUs: 50 }, { who: 'ours', deltaUs: 60 }, { who: 'page', deltaUs: 50 }, { who: 'idle', deltaUs: 50 }]), classify);
    expect(time.ours.total).toBeCloseTo(0.11);
    expect(time.ours.longest).toBeCloseTo(0.11);
    expect(time.page.total).toBeCloseTo(0.05);
    expect(time.ours.unseen).toBe(0);
  });

  it('counts a late sample for no more than MAX_SAMPLE_US, and reports the rest as unseen', () => {
    const time = attribute(profile([{ who: 'ours', deltaUs: 9_000 }, { who: 'page', deltaUs: 50 }, { who: 'page', deltaUs: 2_000 }, { who: 'idle', deltaUs: 50 }]), classify);
    expect(time.ours.total).toBeCloseTo(MAX_SAMPLE_US / 1000);
    expect(time.ours.unseen).toBeCloseTo(9 - MAX_SAMPLE_US / 1000);
    expect(time.ours.longest).toBeCloseTo(MAX_SAMPLE_US / 1000);
    expect(time.page.total).toBeCloseTo(0.05 + MAX_SAMPLE_US / 1000);
    expect(time.page.unseen).toBeCloseTo(2 - MAX_SAMPLE_US / 1000);
  });
});
