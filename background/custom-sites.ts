/**
 * Sites the user adds in options are watched through content scripts registered at run time,
 * one per origin, and only while the browser grants that origin's permission: the manifest's
 * own content script covers the supported sites alone, so no other page is ever read by default.
 */

/** The built content script; the same file the manifest registers for the supported sites. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/social.js';

/** Registered script ids carry the origin, so what is registered can be compared with what is wanted. */
const ID_PREFIX = 'ledgerlight-site:';

/** The opt-in script for financial firms' pages (issue 20): one registration, its matches the granted patterns. */
export const FINANCIAL_SCRIPT_FILE = 'content-scripts/financial.js';
export const FINANCIAL_SCRIPT_ID = 'ledgerlight-financial';

interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** The parts of browser.scripting and browser.permissions this needs; tests pass fakes. */
export interface CustomSiteDeps {
  /** Undefined while the optional 'scripting' permission is not granted. */
  scripting(): CustomSiteScripting | undefined;
  permissions: {
    contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    remove(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
  readSites(): Promise<string[]>;
  writeSites(sites: string[]): Promise<void>;
  /**
   * The match patterns the financial-sites script should run on now: those the user opted into
   * and the browser grants. Empty when the option is off; absent in callers that know nothing of it.
   */
  financialMatches?(): Promise<string[]>;
  log(reason: string, detail: unknown): void;
}

export interface CustomSiteScripting {
  getRegisteredContentScripts(): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

interface ContentScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
  allFrames: boolean;
}

/** The match pattern for an origin. Ports are dropped: match patterns cannot carry them in every browser. */
export const sitePattern = (origin: string) => `https://${new URL(origin).hostname}/*`;

export function createCustomSites(deps: CustomSiteDeps) {
  // Syncs run one after another: a save and a revocation arriving together must not interleave.
  let queue: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>) => (queue = queue.then(work).catch((error) => deps.log('custom site sync failed', error)));

  async function reconcile(wanted: readonly string[]) {
    const scripting = deps.scripting();
    const granted: string[] = [];
    for (const origin of wanted)
      if (await deps.permissions.contains({ origins: [sitePattern(origin)], permissions: ['scripting'] })) granted.push(origin);

    const all = scripting ? await scripting.getRegisteredContentScripts() : [];
    const registered = all.filter((s) => s.id.startsWith(ID_PREFIX));
    const registeredOrigins = registered.map((s) => s.id.slice(ID_PREFIX.length));
    const stale = registeredOrigins.filter((o) => !granted.includes(o));
    const missing = granted.filter((o) => !registeredOrigins.includes(o));

    if (scripting && stale.length) await scripting.unregisterContentScripts({ ids: stale.map((o) => ID_PREFIX + o) });
    if (scripting && missing.length)
      await scripting.registerContentScripts(
        missing.map((origin) => ({
          id: ID_PREFIX + origin,
          matches: [sitePattern(origin)],
          js: [CONTENT_SCRIPT_FILE],
          runAt: 'document_idle' as const,
          persistAcrossSessions: true,
          // The built-in script runs in top frames only; the sender check refuses the others anyway.
          allFrames: false,
        })),
      );

    const financial = (await deps.financialMatches?.()) ?? [];
    if (scripting) await reconcileFinancial(scripting, all.find((s) => s.id === FINANCIAL_SCRIPT_ID), financial);

    // A site the user removed gives its permission back: Ledgerlight keeps no access it does not use.
    const removed = stale.filter((o) => !wanted.includes(o));
    if (removed.length) await deps.permissions.remove({ origins: removed.map(sitePattern) });
    if (!wanted.length && !financial.length && scripting) await deps.permissions.remove({ permissions: ['scripting'] });
  }

  /** One registration for financial firms' pages, replaced whenever the patterns it should match change. */
  async function reconcileFinancial(scripting: CustomSiteScripting, registered: RegisteredScript | undefined, matches: string[]) {
    const same = registered && JSON.stringify([...(registered.matches ?? [])].sort()) === JSON.stringify([...matches].sort());
    if (same) return;
    if (registered) await scripting.unregisterContentScripts({ ids: [FINANCIAL_SCRIPT_ID] });
    if (matches.length)
      await scripting.registerContentScripts([
        { id: FINANCIAL_SCRIPT_ID, matches, js: [FINANCIAL_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true, allFrames: false },
      ]);
  }

  return {
    /** Brings registrations in line with the sites the user has and the permissions granted. */
    sync(wanted: readonly string[]): Promise<void> {
      return serial(() => reconcile(wanted));
    },

    /** The user revoked access in the browser: those sites leave the list and stop being watched. */
    revoked(patterns: readonly string[] = []): Promise<void> {
      return serial(async () => {
        const sites = await deps.readSites();
        const kept = sites.filter((origin) => !patterns.includes(sitePattern(origin)));
        if (kept.length !== sites.length) await deps.writeSites(kept);
        await reconcile(kept);
      });
    },
  };
}

export type CustomSites = ReturnType<typeof createCustomSites>;
