import { storage } from 'wxt/utils/storage';
import type { TabState } from '../messages';

/**
 * Per-tab findings live in session storage: Chrome stops an idle service worker after about 30
 * seconds, and the popup must still find them afterwards; the browser clears them on restart,
 * when tab ids are reused.
 */
const key = (tabId: number) => `session:tab:${tabId}` as const;

export function readTab(tabId: number): Promise<TabState | null> {
  return storage.getItem<TabState>(key(tabId));
}

export function writeTab(state: TabState): Promise<void> {
  return storage.setItem(key(state.tabId), state);
}

export function forgetTab(tabId: number): Promise<void> {
  return storage.removeItem(key(tabId));
}

export async function readAllTabs(): Promise<TabState[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all)
    .filter(([k]) => k.startsWith('tab:'))
    .map(([, state]) => state as TabState);
}
