/**
 * Every item Ledgerlight stores through browser.storage, defined once: its key, its default and
 * its migrations. The background writes them; the content script and extension pages read and
 * watch them through these definitions, never through hand-typed keys or storage events.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './model/settings';

/** The user's choices, synced across their browsers. Bump `version` with a migration when the shape changes. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  // Spread over the defaults so a setting added later has a value for users who saved before it.
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/**
 * A tab's findings, saved as JSON text (background/tab-store.ts says why) in session storage:
 * Chrome stops an idle service worker after about 30 seconds and the popup must still find them;
 * the browser clears them on restart, when tab ids are reused.
 */
export const savedTabItem = (tabId: number) => storage.defineItem<string>(`session:tab:${tabId}`);

/** Where the saved tabs are in a snapshot of session storage, for reading them all at once. */
export const SAVED_TAB_PREFIX = 'tab:';
