import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ListManager } from '@/components/options/ListManager';
import type { ImportChanges } from '@/utils/model/list-summary';
import { fakeTransport } from './fake-transport';
import { speak } from '../popup/messages';

// The page's words come from locales/en.yml through browser.i18n.
beforeEach(() => speak('en'));
afterEach(cleanup);

function chooseFile(text: string, name = 'list.json') {
  const input = screen.getByLabelText('Import a list file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

const changes: ImportChanges = {
  version: '2026.12',
  added: { arrangements: ['venmo-checkout'], entities: ['acme-bank'], rules: [] },
  changed: { arrangements: ['messenger-paypal'], entities: [], rules: [] },
  unchanged: 4,
};

describe('ListManager', () => {
  it('previews the ids a file adds and changes, and writes nothing until Import is chosen', async () => {
    const { transport, sent } = fakeTransport({
      'list:preview': () => ({ ok: true, value: changes }),
      'list:import': () => ({ ok: true, value: changes }),
    });
    const onChanged = vi.fn();
    render(<ListManager transport={transport} onChanged={onChanged} />);
    chooseFile('{"format":1}', 'better.json');

    const preview = await screen.findByRole('region', { name: 'Before importing better.json (version 2026.12)' });
    expect(preview.textContent).toContain('New entries: 2. Changed entries: 1. Same as yours: 4.');
    expect(screen.getByRole('heading', { name: 'New arrangements' }).nextElementSibling?.textContent).toBe('venmo-checkout');
    expect(screen.getByRole('heading', { name: 'New firms and platforms' }).nextElementSibling?.textContent).toBe('acme-bank');
    expect(screen.getByRole('heading', { name: 'Changed arrangements' }).nextElementSibling?.textContent).toBe('messenger-paypal');
    expect(sent('list:import')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent('list:import')).toEqual([{ text: '{"format":1}' }]);
    expect(screen.getByRole('status').textContent).toBe('Imported version 2026.12: 2 added, 1 changed.');
  });

  it('names every entry and field at fault in an alert, and imports nothing', async () => {
    const { transport, sent } = fakeTransport({
      'list:preview': () => ({
        ok: false,
        error: 'list-refused',
        detail: 'The list does not match the format: arrangements[0].status: Invalid type',
        problems: [
          { path: 'arrangements[0].status', message: 'Invalid type' },
          { path: 'arrangements "bad-one".partners[0]', message: 'unknown entity "nobody"' },
        ],
      }),
    });
    render(<ListManager transport={transport} onChanged={() => undefined} />);
    chooseFile('{}', 'broken.json');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.json was not imported, and your list is unchanged.');
    expect(alert.textContent).toContain('arrangements[0].status: Invalid type');
    expect(alert.textContent).toContain('arrangements "bad-one".partners[0]: unknown entity "nobody"');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(sent('list:import')).toEqual([]);
  });

  it('resets to the bundled list only after the in-page confirmation', async () => {
    const { transport, sent } = fakeTransport({ 'list:reset': () => ({ ok: true, value: 'reset' }) });
    render(<ListManager transport={transport} onChanged={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the bundled list…' }));
    expect(sent('list:reset')).toEqual([]);
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset the list' }));
    await waitFor(() => expect(sent('list:reset')).toHaveLength(1));
    expect(await screen.findByText('The list is back to the one bundled with Ledgerlight.')).toBeTruthy();
  });
});
