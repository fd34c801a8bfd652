import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { Options } from '@/components/options/Options';
import type { SiteAccess } from '@/components/options/site-access';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import { sampleArrangement } from '../fixtures';
import { fakeTransport } from './fake-transport';
import { speak } from '../popup/messages';

// The page's words come from locales/en.yml through browser.i18n.
beforeEach(() => speak('en'));
afterEach(cleanup);

const access: SiteAccess = { request: async () => false, granted: async () => false, requestPatterns: async () => false };
const arrangements = [
  sampleArrangement({ id: 'messenger-paypal', title: 'Messenger pays through PayPal', platform: 'messenger', partners: ['paypal'], regions: ['US'] }),
  sampleArrangement({ id: 'instagram-stripe', title: 'Instagram checkout by Stripe', platform: 'instagram', partners: ['stripe'], status: 'ended', regions: ['GB'] }),
];
const entities = [
  { id: 'messenger', name: 'Messenger', kind: 'platform' as const },
  { id: 'instagram', name: 'Instagram', kind: 'platform' as const },
  { id: 'paypal', name: 'PayPal', kind: 'payment-firm' as const },
  { id: 'stripe', name: 'Stripe', kind: 'payment-firm' as const },
];

function setup(settings: Settings = DEFAULT_SETTINGS) {
  let stored = settings;
  const fake = fakeTransport({
    'settings:get': () => ({ ok: true, value: stored }),
    'settings:set': (next) => ({ ok: true, value: (stored = next) }),
    'list:query': (q) => ({
      ok: true,
      value: { version: '2026.11.23', total: 2, entities, arrangements: arrangements.filter((a) => (!q.platform || a.platform === q.platform) && (!q.status || a.status === q.status)) },
    }),
    'history:get': () => ({
      ok: true,
      value: [
        { day: new Date().toISOString().slice(0, 10), platform: 'messenger', feature: 'p2p-payments', count: 3 },
        { day: new Date().toISOString().slice(0, 10), platform: 'facebook', feature: 'checkout', count: 2 },
      ],
    }),
    'history:clear': () => ({ ok: true, value: null }),
    'data:clear-all': () => ({ ok: true, value: null }),
  });
  render(<Options transport={fake.transport} access={access} />);
  return { ...fake, stored: () => stored };
}

describe('Options', () => {
  it('switches a supported site off and saves it', async () => {
    const { stored } = setup();
    const messenger = await screen.findByRole('checkbox', { name: 'Messenger' });
    expect((messenger as HTMLInputElement).checked).toBe(true);
    fireEvent.click(messenger);
    await waitFor(() => expect(stored().disabledSites).toEqual(['messenger']));
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('filters the arrangement list and opens one in full, then returns focus to it', async () => {
    const { sent } = setup();
    await screen.findByText('Showing 2 of 2 arrangements (list version 2026.11.23).');
    fireEvent.change(screen.getByRole('combobox', { name: 'Platform' }), { target: { value: 'instagram' } });
    await screen.findByText('Showing 1 of 2 arrangements (list version 2026.11.23).');
    expect(sent('list:query').at(-1)).toEqual({ platform: 'instagram' });

    fireEvent.click(screen.getByRole('button', { name: 'Instagram checkout by Stripe' }));
    const heading = screen.getByRole('heading', { name: 'Instagram checkout by Stripe' });
    expect(document.activeElement).toBe(heading);
    const detail = heading.closest('article')!;
    expect(within(detail).getByText('Stripe').tagName).toBe('DD');
    expect(detail.textContent).toContain('Ended · since October 2016');
    expect(within(detail).getByRole('link', { name: 'An article' }).getAttribute('href')).toBe('https://news.example/article');

    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Instagram checkout by Stripe'));
  });

  it('charts history with a table of the same numbers, and keeps it for the chosen period', async () => {
    const { stored } = setup();
    expect((await screen.findByText(/^Features found over the last 30 days: 5\./)).tagName).toBe('FIGCAPTION');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'DaySiteFeatureTimes found',
      expect.stringMatching(/FacebookIn-app checkout or shop2$/),
      expect.stringMatching(/MessengerPerson-to-person payments3$/),
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Feature' }), { target: { value: 'checkout' } });
    expect(await screen.findByText(/^Features found over the last 30 days: 2\./)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Keep history for' }), { target: { value: '7' } });
    await waitFor(() => expect(stored().historyDays).toBe(7));
    expect(screen.getAllByRole('img')[0]!.querySelectorAll('rect')).toHaveLength(7);
  });

  it.each([
    ['records no page address', 'Also record the addresses of the pages', 'recordUrls'],
    ['reads what is near the screen', 'Read whole pages at once', 'wholePage'],
  ] as const)('%s unless the user opts in', async (_, name, setting) => {
    const { stored } = setup();
    const box = (await screen.findByRole('checkbox', { name })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(stored()[setting]).toBe(true));
  });

  it('clears everything only after the confirmation step, and Cancel leaves it all', async () => {
    const { sent } = setup();
    const start = await screen.findByRole('button', { name: 'Clear everything…' });
    fireEvent.click(start);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sent('data:clear-all')).toEqual([]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Clear everything…'));

    fireEvent.click(screen.getByRole('button', { name: 'Clear everything…' }));
    expect(screen.getByRole('group', { name: 'Clear everything Ledgerlight has stored on this device? This cannot be undone.' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear everything' }));
    await screen.findByText('Everything Ledgerlight stored has been cleared.');
    expect(sent('data:clear-all')).toHaveLength(1);
  });

  it('speaks the browser’s language', async () => {
    await speak('es');
    setup();
    expect(await screen.findByRole('heading', { name: 'Sitios vigilados' })).toBeTruthy();
    expect(await screen.findByText('Se muestran 2 de 2 acuerdos (versión de la lista 2026.11.23).')).toBeTruthy();
  });

  it('shows a failed save in an alert and goes back to what is stored', async () => {
    const fake = fakeTransport({ 'settings:set': () => ({ ok: false, error: 'no-room' }) });
    render(<Options transport={fake.transport} access={access} />);
    const paused = (await screen.findByRole('checkbox', { name: 'Pause watching everywhere' })) as HTMLInputElement;
    fireEvent.click(paused);
    expect((await screen.findByRole('alert')).textContent).toBe('Your change was not saved. The browser has no room left for Ledgerlight’s data. Nothing was changed; free some disk space and try again.');
    await waitFor(() => expect(paused.checked).toBe(false));
  });
});
