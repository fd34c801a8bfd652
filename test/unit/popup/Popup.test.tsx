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
    'list:query': async () => ({ ok: true, value: { version: '1', total: 0, arrangements: [], entities: [] } }),
    'settings:get': async () => ({ ok: true, value: settings }),
    'settings:set': async (s: Settings) => (saved.push(s), { ok: true, value: s }),
  } as unknown as Transport;
  return { transport, saved };
}

describe('the popup', () => {
  beforeEach(() => speak('en'));
  afterEach(cleanup);

  it('answers first: the verdict is a heading, the page has one diagram, and a row opens to the sentence, reason, scores and sources', async () => {
    const arrangement = sampleArrangement({
      id: 'fb-paypal',
      platform: 'facebook',
      partners: ['paypal'],
      scores: { ...sampleArrangement({ id: 'x' }).scores, retention: { value: null, reason: 'No source says how long it is kept.' } },
    });
    const { transport } = transportWith({
      ok: true,
      value: report({
        platform: { id: 'facebook' },
        detections: [sendMoney],
        findings: [{ arrangementId: 'fb-paypal', via: 'platform', ruleIds: ['chat-send-money'], partners: ['paypal'], features: ['p2p-payments'], because: [{ kind: 'control', evidence: 'Send money' }] }],
        arrangements: { 'fb-paypal': arrangement },
      }),
    });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    const verdict = await screen.findByRole('heading', { level: 2, name: 'Paying here shares your payment history with Facebook.' });
    expect(verdict.dataset.testid).toBe('summary');
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Who receives data on this page. You use Facebook. PayPal sends payment history to Facebook (in force).');
    // The first time "arrangement" appears, the popup says what one is.
    expect(screen.getByText(/^An arrangement is a known deal/)).toBeTruthy();

    const row = screen.getByRole('button', { name: /Sample arrangement fb-paypal/ });
    expect(row.getAttribute('aria-expanded')).toBe('false');
    expect(row.textContent).toBe('Sample arrangement fb-paypalActiveUS');
    fireEvent.click(row);
    expect(row.getAttribute('aria-expanded')).toBe('true');
    const detail = document.getElementById(row.getAttribute('aria-controls')!)!;
    expect(detail.querySelector('.sentence')!.textContent).toBe('PayPal shares payment history with Facebook.');
    expect(detail.querySelector('.because')!.textContent).toBe('Why it applies here: a “Send money” control.');
    expect([...detail.querySelectorAll('.score-value')].map((v) => v.textContent)).toEqual(['2 of 4', '2 of 4', 'Unknown', '2 of 4']);
    expect(detail.textContent).toContain('Example News');
    // Free text from the list is marked as English for screen readers and translators.
    expect(detail.querySelector('.score-reason')!.getAttribute('lang')).toBe('en');
  });

  it('leads with the most protective real action, and keeps past entries behind "Show N more"', async () => {
    const active = sampleArrangement({ id: 'now', userControls: [{ kind: 'settings', label: 'Payment settings', url: 'https://www.facebook.com/settings/payments' }] });
    const past = sampleArrangement({ id: 'then', status: 'ended', userControls: [{ kind: 'opt-out', label: 'Opt out of sharing', url: 'https://www.facebook.com/optout' }] });
    const f = (id: string) => ({ arrangementId: id, via: 'platform' as const, ruleIds: ['chat-send-money'], partners: [], features: ['p2p-payments' as const], because: [] });
    const { transport } = transportWith({ ok: true, value: report({ platform: { id: 'facebook' }, detections: [sendMoney], findings: [f('then'), f('now')], arrangements: { now: active, then: past } }) });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    const actions = await screen.findByTestId('actions');
    expect([...actions.querySelectorAll('.controls li')].map((li) => li.textContent)).toEqual(['Opt out: Opt out of sharing', 'Settings: Payment settings']);
    expect([...document.querySelectorAll('[data-arrangement]')].map((r) => r.getAttribute('data-arrangement'))).toEqual(['now']);
    const more = screen.getByRole('button', { name: 'Show 1 more (past, proposed or wherever a partner appears)' });
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect([...document.querySelectorAll('[data-arrangement]')].map((r) => r.getAttribute('data-arrangement'))).toEqual(['now', 'then']);
  });

  it('says a detected feature has no known arrangement, and invents none', async () => {
    const { transport } = transportWith({ ok: true, value: report({ detections: [sendMoney] }) });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    expect((await screen.findByTestId('summary')).textContent).toBe('Ledgerlight found person-to-person payments here, but knows of no arrangement behind it.');
    expect(document.querySelector('[data-arrangement]')).toBeNull();
    expect(document.querySelector('[data-rule="chat-send-money"]')!.textContent).toBe('Person-to-person payments (PayPal) Detected, but no arrangement is known for it.');
  });

  it('says when nothing was found, what it checked and what it would have shown', async () => {
    const { transport } = transportWith({ ok: true, value: report() });
    render(<Popup transport={transport} tabId={4} onOpenOptions={() => {}} onAddSite={() => {}} />);
    const summary = await screen.findByTestId('summary');
    expect(summary.textContent).toBe('No payment or bank-linked feature found on this page.');
    expect(summary.parentElement!.textContent).toContain('Ledgerlight checked it for send-money buttons');
    expect(summary.parentElement!.textContent).toContain('Had it found one, this popup would say who receives your data');
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
