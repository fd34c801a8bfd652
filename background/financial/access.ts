import type { Settings } from '../../utils/model/settings';
import { EVERY_SITE } from './firms';

export interface FinancialAccessDeps {
  permissions: {
    contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    remove(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
  readSettings(): Promise<Settings>;
  /** The patterns a mode asks for, from the stored list (the ledger's firmPatterns). */
  patterns(mode: 'firms' | 'all'): Promise<string[]>;
}

/**
 * Which pages the opt-in script may run on: the patterns the chosen mode names that the browser
 * grants now. The browser is the authority: settings synced from another device, or a permission
 * revoked in the browser's own settings, leave the script only where access is really held.
 */
export function createFinancialAccess(deps: FinancialAccessDeps) {
  const granted = (pattern: string) => deps.permissions.contains({ origins: [pattern], permissions: ['scripting'] });

  async function wanted(settings: Settings): Promise<string[]> {
    if (settings.financialSites === 'off') return [];
    return deps.patterns(settings.financialSites);
  }

  return {
    async matches(): Promise<string[]> {
      const patterns = await wanted(await deps.readSettings());
      const held: string[] = [];
      for (const pattern of patterns) if (await granted(pattern)) held.push(pattern);
      return held;
    },

    /**
     * After the browser took access away (the user revoked it in the browser's own settings): the
     * option turns itself off once nothing it needs is held, so options shows what is true.
     * Returns the settings to save, or nothing when they stand.
     */
    async afterRevocation(): Promise<Settings | undefined> {
      const settings = await deps.readSettings();
      if (settings.financialSites === 'off' || (await this.matches()).length) return undefined;
      return { ...settings, financialSites: 'off' };
    },

    /**
     * Gives back what the option held when a save turns it off. Only on that change: every other
     * save, by the many users who never turn it on, asks the browser nothing. Every-site access is
     * kept while the user has added sites of their own: the browser would take their access away with it.
     */
    async release(before: Settings, settings: Settings): Promise<void> {
      if (before.financialSites === 'off' || settings.financialSites !== 'off') return;
      const own = new Set(settings.customSites.map((origin) => `https://${new URL(origin).hostname}/*`));
      const firms = (await deps.patterns('firms')).filter((p) => !own.has(p));
      const held: string[] = [];
      for (const pattern of firms) if (await deps.permissions.contains({ origins: [pattern] })) held.push(pattern);
      if (!settings.customSites.length && (await deps.permissions.contains({ origins: [EVERY_SITE] }))) held.push(EVERY_SITE);
      if (held.length) await deps.permissions.remove({ origins: held });
    },
  };
}

export type FinancialAccess = ReturnType<typeof createFinancialAccess>;
