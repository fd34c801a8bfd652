import { describe, expect, it } from 'vitest';
import { bestActions, rankRows } from '@/components/popup/relevance';
import type { TabReport } from '@/utils/model/tab-report';
import { sampleArrangement } from '../fixtures';

type Finding = TabReport['findings'][number];
const found = (id: string, over: Partial<Finding> = {}): Finding => ({ arrangementId: id, via: 'platform', ruleIds: ['r'], partners: [], features: ['checkout'], because: [], ...over });

describe('the order of the rows', () => {
  const arrangements = {
    past: sampleArrangement({ id: 'past', status: 'ended' }),
    abroad: sampleArrangement({ id: 'abroad', regions: ['BR'] }),
    home: sampleArrangement({ id: 'home', regions: ['US'] }),
    partnerOnly: sampleArrangement({ id: 'partnerOnly' }),
    anywhere: sampleArrangement({ id: 'anywhere', platform: 'any' }),
    reported: sampleArrangement({ id: 'reported', status: 'reported' }),
    proposed: sampleArrangement({ id: 'proposed', status: 'proposed' }),
  };
  const findings = [found('past'), found('partnerOnly', { features: [], partners: ['paypal'] }), found('anywhere', { via: 'any' }), found('abroad'), found('reported'), found('home'), found('proposed')];

  it('puts the feature on the page first, active before reported, the user’s region first; past, proposed and anywhere entries are secondary', () => {
    const { primary, secondary } = rankRows({ findings, arrangements }, 'US');
    expect(primary.map((r) => r.arrangement.id)).toEqual(['home', 'abroad', 'reported', 'partnerOnly']);
    expect(secondary.map((r) => r.arrangement.id)).toEqual(['anywhere', 'past', 'proposed']);
  });

  it('offers the most protective real action first, each page once, and no action without a page', () => {
    const settings = { kind: 'settings' as const, label: 'Payment settings', url: 'https://example.com/settings' };
    const optOut = { kind: 'opt-out' as const, label: 'Opt out', url: 'https://example.com/opt-out' };
    const rows = [
      { finding: found('a'), arrangement: sampleArrangement({ id: 'a', userControls: [settings, { kind: 'info', label: 'Read more', url: 'https://example.com/info' }, { kind: 'settings', label: 'No page' }] }) },
      { finding: found('b'), arrangement: sampleArrangement({ id: 'b', userControls: [settings, optOut] }) },
    ];
    expect(bestActions(rows).map((a) => [a.control.label, a.arrangement.id])).toEqual([
      ['Opt out', 'b'],
      ['Payment settings', 'a'],
    ]);
  });
});
