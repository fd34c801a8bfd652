import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../utils/model/settings';

/** The user's choices, defined once. Bump `version` with a migration when the shape changes. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  // Spread over the defaults so a setting added later has a value for users who saved before it.
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}
