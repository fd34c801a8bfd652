import { storage } from 'wxt/utils/storage';
import type { TabReport, TabState } from '../utils/messages';
import { fromSavedText, savedTabKey } from '../utils/saved-tab';

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

export async function readTab(tabId: number): Promise<SavedTab | null> {
  return fromSaved(await storage.getItem(key(tabId)));
}

/**
 * Saved as JSON text rather than as an object: Chromium hands a stored object to the page that
 * reads it value by value, and the popup's report holds thousands of them; one string and
 * `JSON.parse` arrive in less than half the time (docs/bench.md).
 */
export function writeTab(state: SavedTab): Promise<void> {
  return storage.setItem(key(state.tabId), JSON.stringify(state));
}

export function forgetTab(tabId: number): Promise<void> {
  return storage.removeItem(key(tabId));
}

export async function readAllTabs(): Promise<SavedTab[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all)
    .filter(([k]) => k.startsWith('tab:'))
    .flatMap(([, saved]) => fromSaved(saved) ?? []);
}

const fromSaved = (stored: unknown) => (fromSavedText(stored) as SavedTab | undefined) ?? null;
