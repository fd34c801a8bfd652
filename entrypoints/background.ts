import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openLedgerDB } from '@/background/db/migrations';
import { createLedger } from '@/background/ledger';
import { createRoutes, dispatch, type DispatchContext, type Route } from '@/background/handlers';
import { loadBundled } from '@/background/bundled';
import { readSettings, settingsItem } from '@/utils/storage';
import { showBadge } from '@/background/badge';
import { watchedPlatform } from '@/background/watch';
import { createCustomSites } from '@/background/custom-sites';
import { MESSAGE_TYPES, onMessage } from '@/utils/protocol';
import { BLOCKED, readyOrBlocked } from '@/background/startup';
import { createFinancialAccess } from '@/background/financial/access';

export default defineBackground(() => {
  // Financial firms' pages (opt-in): where the browser grants what the chosen mode asks for.
  const financialAccess = createFinancialAccess({
    permissions: browser.permissions,
    readSettings,
    patterns: async (mode) => (await ready).firmPatterns(mode),
  });
  // Sites the user added: registered content scripts, kept in line with settings and permissions.
  // Its writes go straight to storage (not through the ledger) so a revocation never waits on itself.
  const customSites = createCustomSites({
    scripting: () => browser.scripting,
    permissions: browser.permissions,
    readSites: async () => (await readSettings()).customSites,
    writeSites: async (sites) => settingsItem.setValue({ ...(await readSettings()), customSites: sites }),
    financialMatches: () => financialAccess.matches(),
    log: (reason, detail) => console.warn(`Ledgerlight: ${reason}`, detail),
  });

  let signalBlocked = () => {};
  const blocked = new Promise<void>((resolve) => (signalBlocked = resolve));

  // Started in a visible order: database, then the bundled list if this install has none yet.
  const ready = (async () => {
    const db = await openLedgerDB(undefined, () => {
      console.warn('Ledgerlight: a database upgrade is waiting for another tab to close');
      signalBlocked();
    });
    const ledger = createLedger({
      db,
      // A save from options answers only once an added site is registered (or a removed one released).
      settings: {
        read: readSettings,
        write: async (s) => {
          const before = await readSettings();
          await settingsItem.setValue(s);
          await customSites.sync(s.customSites);
          await financialAccess.release(before, s);
        },
        reset: async () => {
          await settingsItem.removeValue();
          await customSites.sync([]);
        },
      },
      loadBundled: () => loadBundled(async (file) => (await fetch(browser.runtime.getURL(`/${file}` as '/'))).json()),
      showBadge,
      now: Date.now,
      // Readable for the sites we watch; undefined elsewhere, where no report is accepted anyway.
      tabUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url, () => undefined),
    });
    if (!(await db.get('meta', 'bundledVersion'))) await ledger.installBundled('update');
    return ledger;
  })();

  let currentSettings = readSettings();
  settingsItem.watch(async () => {
    currentSettings = readSettings();
    // Settings synced from another device may add or drop sites without a save on this one.
    void currentSettings.then((s) => customSites.sync(s.customSites));
    await (await ready).applySettings(await currentSettings);
  });
  // Registrations persist, but a browser restart or an update may have left them out of step.
  void currentSettings.then((s) => customSites.sync(s.customSites));
  browser.permissions.onRemoved.addListener(async ({ origins }) => {
    await customSites.revoked(origins);
    // Access to financial sites revoked in the browser: the option turns itself off, so options shows the truth.
    const off = await financialAccess.afterRevocation();
    if (off) await settingsItem.setValue(off);
  });

  // A first install is covered by startup, which finds no bundled version stored; an update
  // brings a new bundled list over the old one and keeps what the user imported.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'update') await (await ready).installBundled('update');
  });

  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const routes = ready.then(createRoutes);
  const log = (reason: string, detail: unknown) => console.warn(`Ledgerlight: ${reason}`, detail);

  // Listeners are added synchronously: a message that wakes the worker must find them in place.
  for (const type of MESSAGE_TYPES) {
    onMessage(type, async ({ data, sender }) => {
      const all = await readyOrBlocked(routes, blocked);
      if (all === BLOCKED) return { ok: false, error: 'database-blocked' } as never;
      const settings = await currentSettings;
      const context: DispatchContext = {
        self,
        log,
        isWatchedUrl: (url) => watchedPlatform(url, settings) !== undefined,
        isFirmUrl: (url) => !settings.paused && settings.financialSites !== 'off' && url.startsWith('https://'),
      };
      return dispatch(all[type] as Route<typeof type>, type, data, sender, context) as never;
    });
  }

  // A tab that loads a new document starts with no findings (an in-app move keeps them); a closed tab leaves nothing behind.
  browser.tabs.onUpdated.addListener(async (tabId, change) => {
    if (change.status === 'loading') await (await ready).tabLoading(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener(async (tabId) => (await ready).clearTab(tabId));
});
