import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CustomSites } from '@/components/options/CustomSites';
import type { SiteAccess } from '@/components/options/site-access';
import { speak } from '../popup/messages';

// The page's words come from locales/en.yml through browser.i18n.
beforeEach(() => speak('en'));
afterEach(cleanup);

function setup(sites: string[], allow: boolean, granted: Record<string, boolean> = {}, proposed?: string) {
  const access: SiteAccess = { request: vi.fn(async () => allow), granted: vi.fn(async (o: string) => granted[o] ?? false), requestPatterns: vi.fn(async () => allow) };
  const save = vi.fn(async (_sites: string[]) => true);
  render(<CustomSites sites={sites} access={access} save={save} refresh={0} proposed={proposed} />);
  const add = (text: string) => {
    fireEvent.input(screen.getByLabelText('Site address'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and allow' }));
  };
  return { access, save, add };
}

describe('CustomSites', () => {
  it('asks the browser for the site at the click and saves it once allowed', async () => {
    const { access, save, add } = setup([], true);
    add('social.example/home');
    // Asked synchronously from the click: a prompt outside the user's gesture is refused by browsers.
    expect(access.request).toHaveBeenCalledWith('https://social.example');
    await waitFor(() => expect(save).toHaveBeenCalledWith(['https://social.example']));
  });

  it('fills in and focuses a site the popup proposed, and asks the browser only when Add is pressed', async () => {
    const { access, save } = setup([], true, {}, 'https://social.example');
    const field = screen.getByLabelText<HTMLInputElement>('Site address');
    expect(field.value).toBe('https://social.example');
    expect(document.activeElement).toBe(field);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(access.request).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Add and allow' }));
    expect(access.request).toHaveBeenCalledWith('https://social.example');
    await waitFor(() => expect(save).toHaveBeenCalledWith(['https://social.example']));
  });

  it('does not add a site the user refused, and says so', async () => {
    const { save, add } = setup([], false);
    add('https://social.example');
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow access to https://social.example, so it is not watched.');
    expect(save).not.toHaveBeenCalled();
  });

  it('explains why an address cannot be added, without asking the browser', async () => {
    const { access, add } = setup(['https://social.example'], true);
    add('http://plain.example');
    expect(screen.getByRole('alert').textContent).toContain('only watches secure (https) sites');
    add('www.facebook.com');
    expect(screen.getByRole('alert').textContent).toContain('is one of the supported sites');
    add('social.example');
    expect(screen.getByRole('alert').textContent).toBe('social.example is already in your list.');
    expect(access.request).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Site address').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows which added sites are watched and which still need permission here', async () => {
    const { access } = setup(['https://social.example', 'https://synced.example'], true, { 'https://social.example': true });
    const synced = document.querySelector('[data-site="https://synced.example"]')!;
    await waitFor(() => expect(synced.textContent).toContain('Not watched: permission not granted in this browser'));
    expect(document.querySelector('[data-site="https://social.example"]')!.textContent).toContain('Watched');
    fireEvent.click(screen.getByRole('button', { name: 'Allow https://synced.example' }));
    expect(access.request).toHaveBeenCalledWith('https://synced.example');
  });

  it('removes a site by its own labelled button', async () => {
    const { save } = setup(['https://social.example', 'https://other.example'], true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://social.example' }));
    expect(save).toHaveBeenCalledWith(['https://other.example']);
  });
});
