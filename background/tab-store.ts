import { storage } from 'wxt/utils/storage';
import type { TabReport, TabState } from '../utils/model/tab-report';
import { fromSavedText } from '../utils/saved-tab';
import { SAVED_TAB_PREFIX, savedTabItem } from '../utils/storage';

/**
 * A tab's state, with the arrangements its findings name and the names of their parties when
 * they fit in storage: the popup reads them from here (utils/saved-tab.ts) without a round trip.
 */
export type SavedTab = TabState & Partial<Pick<TabReport, 'arrangements' | 'entities'>>;

export async function readTab(tabId: number): Promise<SavedTab | null> {
  return fromSaved(await savedTabItem(tabId).getValue());
}

/**
 * Saved as JSON text rather than as an object: Chromium hands a stored object to the page that
 * reads it value by value, and the popup's report holds thousands of them; one string and
 * `JSON.parse` arrive in less than half the time (docs/bench.md).
 */
export function writeTab(state: SavedTab): Promise<void> {
  return savedTabItem(state.tabId).setValue(JSON.stringify(state));
}

export function forgetTab(tabId: number): Promise<void> {
  return savedTabItem(tabId).removeValue();
}

export async function readAllTabs(): Promise<SavedTab[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all)
    .filter(([k]) => k.startsWith(SAVED_TAB_PREFIX))
    .flatMap(([, saved]) => fromSaved(saved) ?? []);
}

const fromSaved = (stored: unknown) => (fromSavedText(stored) as SavedTab | undefined) ?? null;
