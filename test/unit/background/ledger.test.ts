import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import type { Detection } from '@/utils/model/detection';
import { bundledFromDisk, sampleArrangement } from '../fixtures';
import { ledgerUnderTest } from '../ledger-under-test';

const sendMoney: Detection = { ruleId: 'chat-send-money', feature: 'p2p-payments', partners: [], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Send money' }] };

describe('ledger', () => {
  it('turns a Messenger send-money detection into a finding and a badge count', async () => {
    const { ledger, badges } = await ledgerUnderTest();
    expect(await ledger.reportDetections(7, 'https://www.messenger.com/t/123', [sendMoney])).toBe(1);
    expect(badges.get(7)).toBe('1');
    const report = await ledger.tabReport(7);
    expect(report.findings.map((f) => [f.arrangementId, f.via])).toEqual([['messenger-p2p', 'owner']]);
    expect(report.arrangements['messenger-p2p']?.title).toBe('Sample arrangement messenger-p2p');
  });

  it('never reports a Facebook arrangement on X', async () => {
    const bundled = await bundledFromDisk();
    const list = { ...bundled, arrangements: [sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'], features: ['checkout'] })] };
    const { ledger, badges } = await ledgerUnderTest({ list });
    await ledger.reportDetections(3, 'https://x.com/home', [{ ...sendMoney, ruleId: 'payment-frame', feature: 'checkout', partners: ['paypal'] }]);
    // A feature was found but no arrangement applies here: a neutral dot, not a count.
    expect(badges.get(3)).toBe('•');
    expect((await ledger.tabReport(3)).detections).toHaveLength(1);
  });

  it("keeps a tab's findings through an in-app move on the same site, and empties it for a reload or another site", async () => {
    const { ledger, badges } = await ledgerUnderTest();
    await ledger.reportDetections(8, 'https://www.messenger.com/t/1', [sendMoney]);
    await ledger.tabLoading(8, 'https://www.messenger.com/t/2');
    expect(badges.get(8)).toBe('1');
    expect((await ledger.tabReport(8)).findings).toHaveLength(1);
    await ledger.tabLoading(8, undefined);
    expect(badges.get(8)).toBe('');
    await ledger.reportDetections(8, 'https://www.messenger.com/t/1', [sendMoney]);
    await ledger.tabLoading(8, 'https://www.example.com/');
    expect((await ledger.tabReport(8)).findings).toHaveLength(0);
  });

  it('ignores a site the user switched off', async () => {
    const { ledger } = await ledgerUnderTest({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['messenger'] } });
    expect(await ledger.pageConfig('https://www.messenger.com/t/1')).toBeNull();
    expect(await ledger.pageConfig('https://www.facebook.com/')).not.toBeNull();
  });

  it('clears the badge of open tabs on a site the user switches off', async () => {
    const { ledger, badges } = await ledgerUnderTest();
    await ledger.reportDetections(5, 'https://www.messenger.com/t/1', [sendMoney]);
    await ledger.reportDetections(6, 'https://www.facebook.com/', [sendMoney]);
    await ledger.applySettings({ ...DEFAULT_SETTINGS, disabledSites: ['messenger'] });
    expect(badges.get(5)).toBe('');
    expect(badges.get(6)).toBe('1');
    expect((await ledger.tabReport(5)).findings).toEqual([]);
  });

  it('counts only active arrangements on the badge: ended, proposed or refused ones are for the popup', async () => {
    const bundled = await bundledFromDisk();
    const arrangements = (['active', 'ended', 'proposed', 'declined', 'reported'] as const).map((status) =>
      sampleArrangement({ id: `messenger-${status}`, platform: 'messenger', status, features: ['p2p-payments'] }),
    );
    const { ledger, badges } = await ledgerUnderTest({ list: { ...bundled, arrangements } });
    expect(await ledger.reportDetections(8, 'https://www.messenger.com/t/1', [sendMoney])).toBe(5);
    expect(badges.get(8)).toBe('1');
    expect((await ledger.tabReport(8)).findings).toHaveLength(5);
  });

  it('shows a neutral dot, never a number, when the only arrangements found are past ones', async () => {
    const bundled = await bundledFromDisk();
    const list = { ...bundled, arrangements: [sampleArrangement({ id: 'messenger-old', platform: 'messenger', status: 'ended', features: ['p2p-payments'] })] };
    const { ledger, badges } = await ledgerUnderTest({ list });
    await ledger.reportDetections(9, 'https://www.messenger.com/t/1', [sendMoney]);
    expect(badges.get(9)).toBe('•');
  });

  it('drops a report from a page the tab has already left', async () => {
    const { ledger, badges } = await ledgerUnderTest({ tabUrl: async () => 'https://www.facebook.com/' });
    expect(await ledger.reportDetections(4, 'https://www.messenger.com/t/1', [sendMoney])).toBe(0);
    expect(badges.has(4)).toBe(false);
    expect(await ledger.reportDetections(4, 'https://www.facebook.com/#top', [sendMoney])).toBe(1);
  });
});
