import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { FinancialSitesPanel } from '@/components/options/FinancialSitesPanel';
import type { SiteAccess } from '@/components/options/site-access';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import { speak } from '../popup/messages';

beforeEach(() => speak('en'));
afterEach(cleanup);

const FIRMS = ['https://*.taxact.com/*', 'https://*.ally.com/*'];

function setup(allow: boolean, settings: Settings = DEFAULT_SETTINGS) {
  const access: SiteAccess = { request: vi.fn(), granted: vi.fn(), requestPatterns: vi.fn(async () => allow) };
  const save = vi.fn(async (_s: Settings) => true);
  const transport = { 'firm:patterns': async ({ mode }: { mode: 'firms' | 'all' }) => ({ ok: true as const, value: mode === 'all' ? ['https://*/*'] : FIRMS }) };
  render(<FinancialSitesPanel settings={settings} save={save} access={access} transport={transport} />);
  return { access, save };
}

describe('"Also check financial sites"', () => {
  it('is off by default and asks for the firms’ domains only, saving once the browser allows it', async () => {
    const { access, save } = setup(true);
    const box = screen.getByRole('checkbox', { name: 'Also check financial sites' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.click(box);
    await waitFor(() => expect(save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, financialSites: 'firms' }));
    expect(access.requestPatterns).toHaveBeenCalledWith(FIRMS);
  });

  it('denied at the prompt: saves nothing and says why', async () => {
    const { save } = setup(false);
    const box = screen.getByRole('checkbox', { name: 'Also check financial sites' }) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow access, so financial sites are not checked.');
    expect(save).not.toHaveBeenCalled();
  });

  it('switching to every site asks for every site; switching off asks for nothing', async () => {
    const { access, save } = setup(true, { ...DEFAULT_SETTINGS, financialSites: 'firms' });
    fireEvent.click(await screen.findByRole('radio', { name: 'Every site (still, only financial firms’ pages are examined)' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, financialSites: 'all' }));
    expect(access.requestPatterns).toHaveBeenLastCalledWith(['https://*/*']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also check financial sites' }));
    await waitFor(() => expect(save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, financialSites: 'off' }));
    expect(access.requestPatterns).toHaveBeenCalledTimes(1);
  });
});
