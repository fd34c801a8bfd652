import { describe, expect, it } from 'vitest';
import { openLedgerDB } from '@/utils/db/schema';
import { createLedger } from '@/utils/background/ledger';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import type { FullDataset } from '@/utils/model/dataset';
import { bundledFromDisk, sampleArrangement } from '../fixtures';

async function ledgerWith(list: FullDataset, settings: Settings = DEFAULT_SETTINGS) {
  const db = await openLedgerDB(`test-${Math.random()}`);
  const badges = new Map<number, number>();
  let current = settings;
  const ledger = createLedger({
    db,
    settings: { read: async () => current, write: async (s) => void (current = s), reset: async () => void (current = DEFAULT_SETTINGS) },
    loadBundled: async () => list,
    showBadge: async (tab, n) => void badges.set(tab, n),
    now: () => Date.parse('2026-11-23T12:00:00Z'),
  });
  await ledger.installBundled('update');
  return { ledger, db, badges };
}

describe('ledger', () => {
  it('turns a Messenger send-money detection into a finding and a badge count', async () => {
    const bundled = await bundledFromDisk();
    const list = { ...bundled, arrangements: [sampleArrangement({ id: 'messenger-p2p', platform: 'meta', features: ['p2p-payments'] })] };
    const { ledger, badges } = await ledgerWith(list);
    const count = await ledger.reportDetections(7, 'https://www.messenger.com/t/123', [
      { ruleId: 'chat-send-money', feature: 'p2p-payments', partners: [], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Send money' }] },
    ]);
    expect(count).toBe(1);
    expect(badges.get(7)).toBe(1);
    const report = await ledger.tabReport(7);
    expect(report.findings.map((f) => [f.arrangementId, f.via])).toEqual([['messenger-p2p', 'owner']]);
    expect(report.arrangements['messenger-p2p']?.title).toBe('Sample arrangement messenger-p2p');
  });

  it('never reports a Facebook arrangement on X', async () => {
    const bundled = await bundledFromDisk();
    const list = { ...bundled, arrangements: [sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'], features: ['checkout'] })] };
    const { ledger, badges } = await ledgerWith(list);
    await ledger.reportDetections(3, 'https://x.com/home', [
      { ruleId: 'payment-frame', feature: 'checkout', partners: ['paypal'], confidence: 'high', count: 1, signals: [] },
    ]);
    expect(badges.get(3)).toBe(0);
    expect((await ledger.tabReport(3)).detections).toHaveLength(1);
  });

  it('ignores a site the user switched off', async () => {
    const { ledger } = await ledgerWith(await bundledFromDisk(), { ...DEFAULT_SETTINGS, disabledSites: ['messenger'] });
    expect(await ledger.pageConfig('https://www.messenger.com/t/1')).toBeNull();
    expect(await ledger.pageConfig('https://www.facebook.com/')).not.toBeNull();
  });

  it('clears the badge of open tabs on a site the user switches off', async () => {
    const bundled = await bundledFromDisk();
    const list = { ...bundled, arrangements: [sampleArrangement({ id: 'messenger-p2p', platform: 'meta', features: ['p2p-payments'] })] };
    const { ledger, badges } = await ledgerWith(list);
    const sendMoney = { ruleId: 'chat-send-money', feature: 'p2p-payments' as const, partners: [], confidence: 'high' as const, count: 1, signals: [] };
    await ledger.reportDetections(5, 'https://www.messenger.com/t/1', [sendMoney]);
    await ledger.reportDetections(6, 'https://www.facebook.com/', [sendMoney]);
    await ledger.applySettings({ ...DEFAULT_SETTINGS, disabledSites: ['messenger'] });
    expect(badges.get(5)).toBe(0);
    expect(badges.get(6)).toBe(1);
    expect((await ledger.tabReport(5)).findings).toEqual([]);
  });
});

describe('reports arriving out of order', () => {
  it('drops a report from a page the tab has already left', async () => {
    const db = await openLedgerDB(`stale-${Math.random()}`);
    const badges = new Map<number, number>();
    const bundled = await bundledFromDisk();
    const ledger = createLedger({
      db,
      settings: { read: async () => DEFAULT_SETTINGS, write: async () => undefined, reset: async () => undefined },
      loadBundled: async () => ({ ...bundled, arrangements: [sampleArrangement({ id: 'messenger-p2p', platform: 'meta', features: ['p2p-payments'] })] }),
      showBadge: async (tab, n) => void badges.set(tab, n),
      now: () => 0,
      tabUrl: async () => 'https://www.facebook.com/',
    });
    await ledger.installBundled('update');
    const late = { ruleId: 'chat-send-money', feature: 'p2p-payments' as const, partners: [], confidence: 'high' as const, count: 1, signals: [] };
    expect(await ledger.reportDetections(4, 'https://www.messenger.com/t/1', [late])).toBe(0);
    expect(badges.has(4)).toBe(false);
    expect(await ledger.reportDetections(4, 'https://www.facebook.com/#top', [late])).toBe(1);
  });
});
