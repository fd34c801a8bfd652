import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { readSavedReport } from '@/utils/saved-tab';

const savedTabKey = (tabId: number) => `tab:${tabId}`;
import type { Transport } from '@/utils/transport';
import type { Detection } from '@/utils/model/detection';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { bundledFromDisk, sampleArrangement } from '../fixtures';
import { ledgerUnderTest, listFile } from '../ledger-under-test';
import { speak } from './messages';

const SHOP = 'https://www.facebook.com/marketplace/item/1/';
const payPalButton: Detection = { ruleId: 'pay-with-paypal', feature: 'checkout', partners: ['paypal'], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Pay with PayPal' }] };

async function shopLedger() {
  const bundled = await bundledFromDisk();
  return ledgerUnderTest({ list: { ...bundled, arrangements: [sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'] })] } });
}

const savedValue = async (tabId: number) => JSON.parse((await fakeBrowser.storage.session.get(savedTabKey(tabId)))[savedTabKey(tabId)] as string) as Record<string, unknown>;

describe('the report the background saves for the popup', () => {
  beforeEach(() => speak('en'));
  afterEach(cleanup);

  it('is what the background would answer, so the popup shows the findings without asking', async () => {
    const { ledger } = await shopLedger();
    await ledger.reportDetections(4, SHOP, [payPalButton]);
    const saved = await readSavedReport(4);
    expect(saved).toEqual(await ledger.tabReport(4));

    const ask = vi.fn();
    const list = vi.fn(async () => ({ ok: true, value: { version: '1', total: 0, arrangements: [], entities: [] } }));
    render(<Popup transport={{ 'tab:report': ask, 'list:query': list } as unknown as Transport} tabId={4} saved={saved} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect(screen.getByTestId('summary').textContent).toBe('Paying here shares your payment history with Facebook.');
    expect(document.querySelector('[data-arrangement="fb-paypal"] .row-title')!.textContent).toBe('Sample arrangement fb-paypal');
    expect(ask).not.toHaveBeenCalled();
  });

  it('follows an imported list: an arrangement changed since matching is shown as it reads now', async () => {
    const { ledger } = await shopLedger();
    await ledger.reportDetections(4, SHOP, [payPalButton]);
    const renamed = sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'], title: 'PayPal checkout on Marketplace' });
    expect((await ledger.importList(listFile({ arrangements: [renamed] }))).ok).toBe(true);
    expect((await readSavedReport(4))?.arrangements['fb-paypal']?.title).toBe('PayPal checkout on Marketplace');
  });

  it('is saved without the arrangements when they do not fit, and the background still explains the findings', async () => {
    const { ledger } = await shopLedger();
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementationOnce(() => Promise.reject(new Error('Session storage quota bytes exceeded.'))).mockImplementation(set);
    expect(await ledger.reportDetections(4, SHOP, [payPalButton])).toBe(1);
    expect(await readSavedReport(4)).toBeUndefined();
    expect(Object.keys((await ledger.tabReport(4)).arrangements)).toEqual(['fb-paypal']);
  });

  it('is not trusted when it was tampered with: a source that is not an https link sends the popup to the background', async () => {
    const { ledger } = await shopLedger();
    await ledger.reportDetections(4, SHOP, [payPalButton]);
    const saved = await savedValue(4);
    const arrangement = (saved.arrangements as Record<string, ReturnType<typeof sampleArrangement>>)['fb-paypal']!;
    const tampered = { ...arrangement, sources: [{ ...arrangement.sources[0]!, url: 'javascript:alert(1)' }] };
    await fakeBrowser.storage.session.set({ [savedTabKey(4)]: JSON.stringify({ ...saved, arrangements: { 'fb-paypal': tampered } }) });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await readSavedReport(4)).toBeUndefined();
  });

  it('is not trusted when it is not the JSON text the background writes, by the popup or by the background', async () => {
    const { ledger } = await shopLedger();
    await ledger.reportDetections(4, SHOP, [payPalButton]);
    const saved = await savedValue(4);
    for (const stored of [saved, JSON.stringify(saved).slice(0, -1), 'null', '42', '"text"', '[]']) {
      await fakeBrowser.storage.session.set({ [savedTabKey(4)]: stored });
      expect(await readSavedReport(4)).toBeUndefined();
      // The background reads it as no report at all, rather than failing on it.
      expect(await ledger.tabReport(4)).toMatchObject({ tabId: 4, findings: [], watched: false });
    }
  });

  it('is not there for a tab of a site switched off or while watching is paused: the popup asks the background', async () => {
    const { ledger } = await shopLedger();
    await ledger.reportDetections(4, SHOP, [payPalButton]);
    await ledger.applySettings({ ...DEFAULT_SETTINGS, paused: true });
    expect(await readSavedReport(4)).toBeUndefined();
    expect(await readSavedReport(5)).toBeUndefined();
  });
});
