import { openLedgerDB } from '@/background/db/migrations';
import type { LedgerDatabase } from '@/background/db/schema';
import { createLedger } from '@/background/ledger';
import { badgeText } from '@/background/badge-count';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import type { FullDataset } from '@/utils/model/dataset';
import { bundledFromDisk, sampleArrangement } from './fixtures';

/**
 * A ledger over a fresh fake-indexeddb database with the bundled entities and rules plus one
 * arrangement (or the list given), its badges recorded, so tests can compare "stored before"
 * with "stored after".
 */
export async function ledgerUnderTest(
  options: { settings?: Settings; db?: LedgerDatabase; list?: FullDataset; tabUrl?: (tabId: number) => Promise<string | undefined> } = {},
) {
  const db = options.db ?? (await openLedgerDB(`trust-${Math.random()}`));
  const list = options.list ?? (await bundledWithOneArrangement());
  // Each tab's badge text, as the toolbar would show it.
  const badges = new Map<number, string>();
  let settings = options.settings ?? DEFAULT_SETTINGS;
  const ledger = createLedger({
    db,
    settings: { read: async () => settings, write: async (s) => void (settings = s), reset: async () => void (settings = DEFAULT_SETTINGS) },
    loadBundled: async () => list,
    showBadge: async (tab, count) => void badges.set(tab, badgeText(count)),
    now: () => Date.parse('2026-11-23T12:00:00Z'),
    tabUrl: options.tabUrl,
  });
  await ledger.installBundled('update');
  return { ledger, db, badges, settings: () => settings };
}

export async function bundledWithOneArrangement(): Promise<FullDataset> {
  const bundled = await bundledFromDisk();
  return { ...bundled, arrangements: [sampleArrangement({ id: 'messenger-p2p', platform: 'meta', features: ['p2p-payments'] })] };
}

/** A list file as a user would pick it: format 1, a version label and the parts given. */
export function listFile(parts: Record<string, unknown>): string {
  return JSON.stringify({ format: 1, version: '2026.12.01', ...parts });
}
