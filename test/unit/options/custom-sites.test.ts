import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE, createCustomSites, type CustomSiteScripting } from '@/background/custom-sites';

/** A browser with its permissions and registered scripts, as far as custom sites can see it. */
function fakeBrowser(granted: string[]) {
  const permissions = new Set(granted);
  const registered = new Map<string, { matches: string[]; js: string[] }>();
  let sites: string[] = [];
  const scripting: CustomSiteScripting = {
    getRegisteredContentScripts: async () => [...registered.keys()].map((id) => ({ id })),
    registerContentScripts: async (scripts) => scripts.forEach((s) => registered.set(s.id, s)),
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => registered.delete(id)),
  };
  const has = (p: { origins?: string[]; permissions?: string[] }) => [...(p.origins ?? []), ...(p.permissions ?? [])].every((x) => permissions.has(x));
  const customSites = createCustomSites({
    scripting: () => (permissions.has('scripting') ? scripting : undefined),
    permissions: {
      contains: async (p) => has(p),
      remove: async (p) => {
        [...(p.origins ?? []), ...(p.permissions ?? [])].forEach((x) => permissions.delete(x));
        return true;
      },
    },
    readSites: async () => sites,
    writeSites: async (next) => void (sites = next),
    log: () => undefined,
  });
  return {
    customSites,
    permissions,
    setSites: (next: string[]) => (sites = next),
    sites: () => sites,
    matches: () => [...registered.values()].flatMap((s) => s.matches),
    files: () => [...registered.values()].flatMap((s) => s.js),
  };
}

describe('custom sites', () => {
  it('registers the content script for a site once its permission is granted', async () => {
    const b = fakeBrowser(['scripting', 'https://social.example/*']);
    await b.customSites.sync(['https://social.example']);
    expect(b.matches()).toEqual(['https://social.example/*']);
    expect(b.files()).toEqual([CONTENT_SCRIPT_FILE]);
  });

  it('watches no site whose permission was not granted', async () => {
    const b = fakeBrowser(['scripting', 'https://social.example/*']);
    await b.customSites.sync(['https://social.example', 'https://other.example']);
    expect(b.matches()).toEqual(['https://social.example/*']);
    const none = fakeBrowser([]);
    await none.customSites.sync(['https://social.example']);
    expect(none.matches()).toEqual([]);
  });

  it('unregisters a removed site and gives its permission back', async () => {
    const b = fakeBrowser(['scripting', 'https://social.example/*', 'https://other.example/*']);
    await b.customSites.sync(['https://social.example', 'https://other.example']);
    await b.customSites.sync(['https://other.example']);
    expect(b.matches()).toEqual(['https://other.example/*']);
    expect(b.permissions.has('https://social.example/*')).toBe(false);
    expect(b.permissions.has('scripting')).toBe(true);
  });

  it('lets go of scripting too once no site is left', async () => {
    const b = fakeBrowser(['scripting', 'https://social.example/*']);
    await b.customSites.sync(['https://social.example']);
    await b.customSites.sync([]);
    expect(b.matches()).toEqual([]);
    expect([...b.permissions]).toEqual([]);
  });

  it('drops a site from the list when the user revokes its permission in the browser', async () => {
    const b = fakeBrowser(['scripting', 'https://social.example/*', 'https://other.example/*']);
    b.setSites(['https://social.example', 'https://other.example']);
    await b.customSites.sync(b.sites());
    b.permissions.delete('https://social.example/*');
    await b.customSites.revoked(['https://social.example/*']);
    expect(b.sites()).toEqual(['https://other.example']);
    expect(b.matches()).toEqual(['https://other.example/*']);
  });
});
