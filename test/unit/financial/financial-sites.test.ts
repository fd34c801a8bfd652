import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE, createCustomSites, FINANCIAL_SCRIPT_FILE, type CustomSiteScripting } from '@/background/custom-sites';
import { createFinancialAccess } from '@/background/financial/access';
import { EVERY_SITE, firmPatterns } from '@/background/financial/firms';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import { bundledFromDisk } from '../fixtures';

const FIRMS = firmPatterns((await bundledFromDisk()).entities);

/** A browser with its permissions and registered scripts, and the settings, as the background sees them. */
function fakeBrowser(granted: string[], settings: Partial<Settings>) {
  const permissions = new Set(granted);
  const registered = new Map<string, { matches: string[]; js: string[] }>();
  let current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const scripting: CustomSiteScripting = {
    getRegisteredContentScripts: async () => [...registered].map(([id, s]) => ({ id, matches: s.matches })),
    registerContentScripts: async (scripts) => scripts.forEach((s) => registered.set(s.id, s)),
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => registered.delete(id)),
  };
  // As browsers do: every-site access covers each firm's pattern.
  const holds = (x: string) => permissions.has(x) || (x.startsWith('https://') && permissions.has(EVERY_SITE));
  /** How often the background asked the browser what it holds. */
  let asked = 0;
  const browserPermissions = {
    contains: async (p: { origins?: string[]; permissions?: string[] }) => (asked++, [...(p.origins ?? []), ...(p.permissions ?? [])].every(holds)),
    remove: async (p: { origins?: string[]; permissions?: string[] }) => {
      [...(p.origins ?? []), ...(p.permissions ?? [])].forEach((x) => permissions.delete(x));
      return true;
    },
  };
  const access = createFinancialAccess({
    permissions: browserPermissions,
    readSettings: async () => current,
    patterns: async (mode) => (mode === 'all' ? [EVERY_SITE] : FIRMS),
  });
  const sites = createCustomSites({
    scripting: () => (permissions.has('scripting') ? scripting : undefined),
    permissions: browserPermissions,
    readSites: async () => current.customSites,
    writeSites: async (next) => void (current = { ...current, customSites: next }),
    financialMatches: () => access.matches(),
    log: () => undefined,
  });
  return {
    permissions,
    /** What the user's save does in the background: store, reconcile, give back what is no longer used. */
    save: async (next: Partial<Settings>) => {
      const before = current;
      current = { ...current, ...next };
      await sites.sync(current.customSites);
      await access.release(before, current);
    },
    /** As the background does when the browser reports a revocation. */
    revoke: async (origins: string[]) => {
      origins.forEach((o) => permissions.delete(o));
      await sites.revoked(origins);
      const off = await access.afterRevocation();
      if (off) current = off;
    },
    settings: () => current,
    asked: () => asked,
    scripts: () => [...registered.values()].map((s) => ({ js: s.js, matches: [...s.matches].sort() })),
  };
}

describe('the financial-sites option', () => {
  it('asks for nothing and registers nothing while off (the default)', async () => {
    const b = fakeBrowser([], {});
    await b.save({});
    expect(b.scripts()).toEqual([]);
    expect([...b.permissions]).toEqual([]);
  });

  it('asks the browser nothing when a user who never turned it on saves another setting', async () => {
    const b = fakeBrowser([], {});
    await b.save({ markers: true });
    await b.save({ historyDays: 7 });
    expect(b.asked()).toBe(0);
  });

  it('once granted, runs the financial script on exactly the firms’ domains', async () => {
    const b = fakeBrowser(['scripting', ...FIRMS], {});
    await b.save({ financialSites: 'firms' });
    expect(b.scripts()).toEqual([{ js: [FINANCIAL_SCRIPT_FILE], matches: [...FIRMS].sort() }]);
    expect(FIRMS).toContain('https://*.taxact.com/*');
    expect(FIRMS).not.toContain('https://*.facebook.com/*');
  });

  it('with every site granted, registers one every-site script (the background still answers only for firms’ pages)', async () => {
    const b = fakeBrowser(['scripting', EVERY_SITE], {});
    await b.save({ financialSites: 'all' });
    expect(b.scripts()).toEqual([{ js: [FINANCIAL_SCRIPT_FILE], matches: [EVERY_SITE] }]);
  });

  it('denied at the prompt: nothing is registered, whatever the settings say', async () => {
    const b = fakeBrowser([], {});
    await b.save({ financialSites: 'firms' });
    expect(b.scripts()).toEqual([]);
  });

  it('revoked in the browser: the script goes, and sites the user added keep theirs', async () => {
    const b = fakeBrowser(['scripting', ...FIRMS, 'https://social.example/*'], { customSites: ['https://social.example'] });
    await b.save({ financialSites: 'firms' });
    expect(b.scripts()).toHaveLength(2);
    await b.revoke(FIRMS.slice(0, 3));
    // Some firms' domains are still held: the option stays on for those.
    expect(b.settings().financialSites).toBe('firms');
    expect(b.scripts()).toContainEqual({ js: [FINANCIAL_SCRIPT_FILE], matches: FIRMS.slice(3).sort() });
    await b.revoke(FIRMS);
    expect(b.scripts()).toEqual([{ js: [CONTENT_SCRIPT_FILE], matches: ['https://social.example/*'] }]);
    expect(b.permissions.has('scripting')).toBe(true);
    // Options then shows the option off, as it is.
    expect(b.settings().financialSites).toBe('off');
  });

  it('turned off: unregisters, and gives back the firms’ permissions and scripting', async () => {
    const b = fakeBrowser(['scripting', ...FIRMS], {});
    await b.save({ financialSites: 'firms' });
    await b.save({ financialSites: 'off' });
    expect(b.scripts()).toEqual([]);
    expect([...b.permissions]).toEqual([]);
  });

  it('turned off after every site: gives every-site access back unless the user’s own sites rely on it', async () => {
    const alone = fakeBrowser(['scripting', EVERY_SITE], { financialSites: 'all' });
    await alone.save({ financialSites: 'off' });
    expect([...alone.permissions]).toEqual([]);
    const shared = fakeBrowser(['scripting', EVERY_SITE, 'https://social.example/*'], { financialSites: 'all', customSites: ['https://social.example'] });
    await shared.save({ financialSites: 'off' });
    expect(shared.permissions.has(EVERY_SITE)).toBe(true);
    expect(shared.scripts()).toEqual([{ js: [CONTENT_SCRIPT_FILE], matches: ['https://social.example/*'] }]);
  });
});
