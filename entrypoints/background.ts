import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openLedgerDB } from '@/utils/db/schema';
import { createLedger } from '@/utils/background/ledger';
import { createRoutes, dispatch, ROUTE_TYPES, type DispatchContext } from '@/utils/background/handlers';
import { loadBundled } from '@/utils/background/bundled';
import { readSettings, settingsItem } from '@/utils/background/settings-store';
import { showBadge } from '@/utils/background/badge';
import { watchedPlatform } from '@/utils/background/watch';
import { onMessage } from '@/utils/messages';

export default defineBackground(() => {
  // Started in a visible order: database, then the bundled list if this install has none yet.
  const ready = (async () => {
    const db = await openLedgerDB(undefined, () => console.warn('Ledgerlight: a database upgrade is waiting for another tab to close'));
    const ledger = createLedger({
      db,
      settings: { read: readSettings, write: (s) => settingsItem.setValue(s), reset: () => settingsItem.removeValue() },
      loadBundled: () => loadBundled(async (file) => (await fetch(browser.runtime.getURL(`/${file}` as '/'))).json()),
      showBadge,
      now: Date.now,
    });
    if (!(await db.get('meta', 'bundledVersion'))) await ledger.installBundled('update');
    return ledger;
  })();

  let currentSettings = readSettings();
  settingsItem.watch(async () => {
    currentSettings = readSettings();
    await (await ready).applySettings(await currentSettings);
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install' || reason === 'update') await (await ready).installBundled('update');
  });

  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const routes = ready.then(createRoutes);
  const log = (reason: string, detail: unknown) => console.warn(`Ledgerlight: ${reason}`, detail);

  // Listeners are added synchronously: a message that wakes the worker must find them in place.
  for (const type of ROUTE_TYPES) {
    onMessage(type, async ({ data, sender }) => {
      const [all, settings] = await Promise.all([routes, currentSettings]);
      const context: DispatchContext = { self, log, isWatchedUrl: (url) => watchedPlatform(url, settings) !== undefined };
      return dispatch(all[type], type, data, sender, context) as never;
    });
  }

  // A tab that loads a new document starts with no findings; a closed tab leaves nothing behind.
  browser.tabs.onUpdated.addListener(async (tabId, change) => {
    if (change.status === 'loading') await (await ready).clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener(async (tabId) => (await ready).clearTab(tabId));
});
