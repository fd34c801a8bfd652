import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Popup } from '@/components/popup/Popup';
import type { Result } from '@/utils/protocol';
import type { TabReport } from '@/utils/model/tab-report';
import type { Transport } from '@/utils/transport';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import type { Detection } from '@/utils/model/detection';
import { sampleArrangement } from '../fixtures';
import { speak } from './messages';

const sendMoney: Detection = { ruleId: 'chat-send-money', feature: 'p2p-payments', partners: ['paypal'], confidence: 'high', count: 1, signals: [{ kind: 'control', evidence: 'Send money' }] };
const entities = { facebook: { id: 'facebook', name: 'Facebook', kind: 'platform' as const }, paypal: { id: 'paypal', name: 'PayPal', kind: 'payment-firm' as const } };

function report(over: Partial<TabReport> = {}): TabReport {
  return { tabId: 4, detections: [], findings: [], updatedAt: 1, watched: true, paused: false, arrangements: {}, entities, ...over };
}

/** A transport answering from canned values; only what a test uses needs saying. */
function transportWith(tab: Result<TabReport>, settings: Settings = DEFAULT_SETTINGS) {
  const saved: Settings[] = [];
  const transport = {
    'tab:report': vi.fn(async () => tab),
    'settings:get': async () => ({ ok: true, value: settings }),
    'settings:set': async (s: Settings) => (saved.push(s), { ok: true, value: s }),
  } as unknown as Transport;
  return { transport, saved };
}

describe('the popup', () => {
  beforeEach(() => speak('en'));
  afterEach(cleanup);

  it('explains a finding: partners, the data in a sentence, scores and sources', async () => {
    const arrangement = sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'] });
    const { transport } = transportWith({
      ok: true,
      value: report({ detections: [sendMoney], findings: [{ arrangementId: 'fb-paypal', via: 'platform', ruleIds: ['chat-send-money'], partners: ['paypal'], features: [], because: [{ kind: 'script', evidence: 'www.paypal.com' }] }], arrangements: { 'fb-paypal': arrangement } }),
    });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect(await screen.findByTestId('summary')).toHaveProperty('textContent', '1 bank-linked feature on this page; 1 known arrangement.');
    const card = document.querySelector('[data-arrangement="fb-paypal"]')!;
    expect(card.querySelector('.partners')!.textContent).toBe('PayPal');
    expect(card.querySelector('.sentence')!.textContent).toBe('PayPal shares payments made with Facebook.');
    expect(card.querySelector('.because')!.textContent).toBe('Why it applies: this page loads a script from www.paypal.com (PayPal).');
    expect(card.querySelectorAll('.score')).toHaveLength(4);
    expect(card.textContent).toContain('Example News');
    // The diagram is one image to a screen reader, named by who sends what to whom.
    expect(within(card as HTMLElement).getByRole('img').getAttribute('aria-label')).toBe('Data flows: PayPal to Facebook: payments made');
  });

  it('says a detected feature has no known arrangement, and invents none', async () => {
    const { transport } = transportWith({ ok: true, value: report({ detections: [sendMoney] }) });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect((await screen.findByTestId('summary')).textContent).toBe('1 bank-linked feature on this page; no known arrangements.');
    expect(document.querySelector('[data-arrangement]')).toBeNull();
    expect(document.querySelector('[data-rule="chat-send-money"]')!.textContent).toBe('Person-to-person payments (PayPal) Detected, but no arrangement is known for it.');
  });

  it('says when nothing was found', async () => {
    const { transport } = transportWith({ ok: true, value: report() });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect((await screen.findByTestId('summary')).textContent).toBe('No bank-linked feature found on this page.');
  });

  it('says the count may grow while parts of the page far from the screen are unread', async () => {
    const hint = 'So far: Ledgerlight has read the part of this page near your screen, and reads the rest as you scroll to it.';
    const { transport } = transportWith({ ok: true, value: report({ detections: [sendMoney], unread: true }) });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect(await screen.findByText(hint)).toBeTruthy();
    cleanup();
    const whole = transportWith({ ok: true, value: report({ detections: [sendMoney], unread: false }) });
    render(<Popup transport={whole.transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    await screen.findByTestId('summary');
    expect(screen.queryByText(hint)).toBeNull();
  });

  it('offers to add a site it does not watch, through the options page', async () => {
    const { transport } = transportWith({ ok: true, value: report({ watched: false }) });
    const onOpenOptions = vi.fn();
    const onAddSite = vi.fn();
    render(<Popup transport={transport} tabId={4} onOpenOptions={onOpenOptions} onAddSite={onAddSite} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add this site in options' }));
    expect(onAddSite).toHaveBeenCalledOnce();
    expect(onOpenOptions).not.toHaveBeenCalled();
  });

  it('resumes watching when paused, keeping every other setting', async () => {
    const settings = { ...DEFAULT_SETTINGS, paused: true, markers: true };
    const { transport, saved } = transportWith({ ok: true, value: report({ paused: true, watched: false }) }, settings);
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect((await screen.findByTestId('summary')).textContent).toBe('Watching is paused, so nothing on this page was checked.');
    fireEvent.click(screen.getByRole('button', { name: 'Resume watching' }));
    await waitFor(() => expect(saved).toEqual([{ ...settings, paused: false }]));
  });

  it('shows an error the background reports in an alert', async () => {
    const { transport } = transportWith({ ok: false, error: 'no-answer', detail: 'gone' });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Ledgerlight’s background did not answer: gone');
  });
});
