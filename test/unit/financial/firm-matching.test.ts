import { beforeAll, describe, expect, it } from 'vitest';
import type { Detection } from '@/utils/model/detection';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { bundledFromDisk } from '../fixtures';
import { ledgerUnderTest } from '../ledger-under-test';
import { readTab } from '@/background/tab-store';

const pixel = (platform: string, ruleId: string): Detection => ({
  ruleId,
  feature: 'social-tracking',
  partners: [platform],
  confidence: 'high',
  count: 1,
  signals: [{ kind: 'script', evidence: 'connect.facebook.net/en_US/fbevents.js' }],
});
const metaPixel = pixel('meta', 'meta-pixel');

let harness: Awaited<ReturnType<typeof ledgerUnderTest>>;
beforeAll(async () => {
  harness = await ledgerUnderTest({ list: await bundledFromDisk(), settings: { ...DEFAULT_SETTINGS, financialSites: 'firms' } });
});

describe('findings on a financial firm’s own page', () => {
  it('Meta’s Pixel on TaxAct finds the TaxAct–Meta arrangement, and no other tax site’s', async () => {
    const found = await harness.ledger.reportFirmDetections(31, 'https://www.taxact.com/', [metaPixel]);
    const state = await readTab(31);
    expect(found).toBe(1);
    expect(state?.firm).toBe('taxact');
    expect(state?.findings.map((f) => [f.arrangementId, f.via, f.partners])).toEqual([['meta-pixel-taxact-tax-data-2022', 'firm', ['taxact']]]);
    // The TaxAct entry is under investigation, not an arrangement in force: the badge shows the neutral mark, as on a social page.
    expect(harness.badges.get(31)).toBe('•');
  });

  it('Google Analytics on TaxAct finds the Google entry, not the Meta one', async () => {
    await harness.ledger.reportFirmDetections(32, 'https://www.taxact.com/', [pixel('google', 'google-analytics')]);
    expect((await readTab(32))?.findings.map((f) => f.arrangementId)).toEqual(['google-analytics-taxact-tax-data-2023']);
  });

  it('a pixel on a firm no arrangement names stays a detection, with no finding invented', async () => {
    const found = await harness.ledger.reportFirmDetections(33, 'https://www.affirm.com/', [pixel('google', 'google-analytics')]);
    const state = await readTab(33);
    expect(found).toBe(0);
    expect(state?.firm).toBe('affirm');
    expect(state?.detections.map((d) => d.ruleId)).toEqual(['google-analytics']);
    expect(state?.findings).toEqual([]);
  });

  it('a sign-in button on TaxAct is not the tracking arrangement: the feature kinds must agree', async () => {
    await harness.ledger.reportFirmDetections(34, 'https://www.taxact.com/', [{ ...metaPixel, ruleId: 'facebook-sign-in', feature: 'social-sign-in' }]);
    expect((await readTab(34))?.findings).toEqual([]);
  });

  it('reads nothing on a page that is no financial firm’s, or while the option is off', async () => {
    expect(await harness.ledger.firmPageConfig('https://news.example/')).toBeNull();
    expect(await harness.ledger.firmPageConfig('http://www.taxact.com/')).toBeNull();
    const config = await harness.ledger.firmPageConfig('https://www.taxact.com/filing');
    expect(config?.firm).toEqual({ id: 'taxact', name: expect.any(String), kind: 'tax-prep' });
    expect(config?.trackers.map((t) => t.id)).toContain('meta-pixel');
    const off = await ledgerUnderTest({ list: await bundledFromDisk() });
    expect(await off.ledger.firmPageConfig('https://www.taxact.com/')).toBeNull();
    expect(await off.ledger.reportFirmDetections(35, 'https://www.taxact.com/', [metaPixel])).toBe(0);
    expect(await readTab(35)).toBeNull();
  });
});
