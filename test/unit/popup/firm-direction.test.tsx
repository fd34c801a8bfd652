import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { Popup } from '@/components/popup/Popup';
import type { TabReport } from '@/utils/model/tab-report';
import type { Transport } from '@/utils/transport';
import type { Detection } from '@/utils/model/detection';
import { sampleArrangement } from '../fixtures';
import { speak } from './messages';

const detection = (ruleId: string, platform: string, feature: Detection['feature'] = 'social-tracking'): Detection => ({
  ruleId,
  feature,
  partners: [platform],
  confidence: 'high',
  count: 1,
  signals: [{ kind: 'script', evidence: 'connect.facebook.net/en_US/fbevents.js' }],
});
const entities = {
  taxact: { id: 'taxact', name: 'TaxAct', kind: 'tax-prep' as const },
  meta: { id: 'meta', name: 'Meta', kind: 'owner' as const },
  google: { id: 'google', name: 'Google', kind: 'owner' as const },
};

function show(report: Partial<TabReport>) {
  const value: TabReport = { tabId: 5, firm: 'taxact', detections: [], findings: [], updatedAt: 1, watched: true, paused: false, arrangements: {}, entities, ...report };
  // The popup asks the list for names only for the 2018 story on Facebook and Messenger pages.
  const transport = { 'list:query': async () => ({ ok: false, error: 'no-answer' }) } as unknown as Transport;
  render(<Popup transport={transport} tabId={5} saved={value} onOpenOptions={() => {}} onAddSite={() => {}} />);
}

describe('the popup on a financial firm’s page', () => {
  beforeEach(() => speak('en'));
  afterEach(cleanup);

  it('says which way the data goes, and that no arrangement is known where none is', () => {
    const arrangement = sampleArrangement({ id: 'meta-pixel-taxact', platform: 'meta', partners: ['taxact'], features: ['social-tracking'] });
    show({
      detections: [detection('meta-pixel', 'meta'), detection('google-analytics', 'google'), detection('google-sign-in', 'google', 'social-sign-in')],
      findings: [{ arrangementId: 'meta-pixel-taxact', via: 'firm', ruleIds: ['meta-pixel'], partners: ['taxact'], features: ['social-tracking'], because: [] }],
      arrangements: { 'meta-pixel-taxact': arrangement },
    });
    expect([...screen.getByTestId('direction').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'TaxAct’s page sends what you do here to Meta.',
      'TaxAct’s page loads Google’s tracking code; no arrangement is known.',
      'TaxAct’s page offers sign-in with Google: using it links that account to your account here.',
    ]);
    expect(document.querySelector('[data-arrangement="meta-pixel-taxact"]')).not.toBeNull();
  });

  it('says nothing of direction on a social site', () => {
    show({ firm: undefined, platform: { id: 'facebook' }, detections: [detection('chat-send-money', 'meta', 'p2p-payments')] });
    expect(screen.queryByTestId('direction')).toBeNull();
  });
});
