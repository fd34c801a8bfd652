import { storage } from 'wxt/utils/storage';
import type { TabReport, TabState } from '../messages';
import { savedTabKey } from '../saved-tab';

/**
 * A tab's state, with the arrangements its findings name and the names of their parties when
 * they fit in storage: the popup reads them from here (utils/saved-tab.ts) without a round trip.
 */
export type SavedTab = TabState & Partial<Pick<TabReport, 'arrangements' | 'entities'>>;

/**
 * Per-tab findings live in session storage: Chrome stops an idle service worker after about 30
 * seconds, and the popup must still find them afterwards; the browser clears them on restart,
 * when tab ids are reused.
 */
const key = (tabId: number) => `session:${savedTabKey(tabId)}` as const;

export function readTab(tabId: number): Promise<SavedTab | null> {
  return storage.getItem<SavedTab>(key(tabId));
}

export function writeTab(state: SavedTab): Promise<void> {
  return storage.setItem(key(state.tabId), state);
}

export function forgetTab(tabId: number): Promise<void> {
  return storage.removeItem(key(tabId));
}

export async function readAllTabs(): Promise<SavedTab[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all)
    .filter(([k]) => k.startsWith('tab:'))
    .map(([, state]) => state as SavedTab);
}
