import type { LedgerDatabase } from './db/schema';
import { fromStored } from './db/schema';
import type { Arrangement } from '../utils/model/arrangement';
import type { Detection } from '../utils/model/detection';
import type { Settings } from '../utils/model/settings';
import type { FullDataset } from '../utils/model/dataset';
import { matchFindings } from './matching';
import { diffImport, installBundled, readList, writeImport } from './db/list-store';
import { checkMerged, parseListFile } from '../utils/list-file';
import type { Result } from '../utils/protocol';
import type { ListQuery, ListSummary } from '../utils/model/list-summary';
import type { PageConfig } from '../utils/model/page-config';
import type { TabReport, TabState } from '../utils/model/tab-report';
import type { FirmPageConfig } from '../utils/model/firm-page-config';
import { watchedPlatform } from './watch';
import { pageConfigFor } from './page-config';
import { forgetTab, readAllTabs, readTab, writeTab, type SavedTab } from './tab-store';
import { clearHistory, pruneHistory, readHistory, recordPageView } from './history';
import { badgeCount, type BadgeCount } from './badge-count';
import { firmForUrl, firmPatterns, EVERY_SITE, type Firm } from './financial/firms';
import { matchFirmFindings } from './financial/matching';
import type { TrackerRule } from '../utils/model/tracker';

export interface LedgerDeps {
  db: LedgerDatabase;
  settings: { read(): Promise<Settings>; write(s: Settings): Promise<void>; reset(): Promise<void> };
  loadBundled(): Promise<FullDataset>;
  showBadge(tabId: number, count: BadgeCount): Promise<void>;
  now(): number;
  /** The address a tab shows now, to drop reports from a page the tab has already left. */
  tabUrl?(tabId: number): Promise<string | undefined>;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * What the background does, independent of how messages reach it: unit tests call it directly
 * with a fake-indexeddb database, the message handlers call it after checking sender and shape.
 */
export function createLedger(deps: LedgerDeps) {
  const { db } = deps;
  /** Which features have been counted in history for the page a tab shows, so reloads of the same report count once. */
  const counted = new Map<number, { page: string; features: Set<string> }>();

  async function pageConfig(url: string): Promise<PageConfig | null> {
    const settings = await deps.settings.read();
    const platform = watchedPlatform(url, settings);
    if (!platform) return null;
    const [rules, entities] = await Promise.all([db.getAll('rules'), db.getAll('entities')]);
    return pageConfigFor(platform, rules.map(({ origin: _o, ...r }) => r), entities, settings);
  }

  /**
   * Work on one tab runs in the order it arrived: a report from the page a tab just left must not
   * finish after the new page's report, or after the clear that navigation triggered.
   */
  const queues = new Map<number, Promise<unknown>>();
  function inTabOrder<T>(tabId: number, work: () => Promise<T>): Promise<T> {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
    return next;
  }

  const withoutHash = (url: string) => url.split('#')[0];

  /** Whether the tab already shows another page than the one a report is about: such a report is dropped. */
  async function tabHasLeft(tabId: number, url: string): Promise<boolean> {
    const current = await deps.tabUrl?.(tabId);
    return current !== undefined && withoutHash(current) !== withoutHash(url);
  }

  /**
   * Our scripts only know the rules we gave them: a report naming another rule is forged or stale,
   * and is refused whole rather than half-believed.
   */
  function refuseUnknownRules(detections: readonly Detection[], known: ReadonlySet<string>, what: string) {
    const unknown = detections.find((d) => !known.has(d.ruleId));
    if (unknown) throw new Error(`no ${what} "${unknown.ruleId}" is known`);
  }

  /** The tracker rules ship in the bundled rules.json only; read once per worker. */
  let trackers: Promise<TrackerRule[]> | undefined;
  const readTrackers = () => (trackers ??= deps.loadBundled().then((list) => list.trackers ?? []));

  /** The financial firm whose page this is, when the user opted in; nothing otherwise. */
  async function firmOf(url: string, settings: Settings): Promise<Firm | undefined> {
    if (settings.paused || settings.financialSites === 'off') return undefined;
    return firmForUrl(url, await db.getAll('entities'));
  }

  async function firmPageConfig(url: string): Promise<FirmPageConfig | null> {
    const firm = await firmOf(url, await deps.settings.read());
    if (!firm) return null;
    return { firm: { id: firm.id, name: firm.name, kind: firm.kind }, trackers: await readTrackers() };
  }

  async function reportFirmDetections(tabId: number, url: string, detections: Detection[]): Promise<number> {
    if (await tabHasLeft(tabId, url)) return 0;
    const settings = await deps.settings.read();
    const firm = await firmOf(url, settings);
    if (!firm) {
      await clearTab(tabId);
      return 0;
    }
    refuseUnknownRules(detections, new Set((await readTrackers()).map((t) => t.id)), 'tracker rule');
    const findings = await matchFirmFindings(db, firm.id, detections);
    const state: TabState = { tabId, firm: firm.id, origin: new URL(url).origin, detections, findings, updatedAt: deps.now() };
    // saveTab sets the badge, as for a social page.
    await saveTab(state);
    await countInHistory(tabId, url, firm.id, detections, settings);
    return findings.length;
  }

  async function reportDetections(tabId: number, url: string, detections: Detection[], unread: boolean): Promise<number> {
    if (await tabHasLeft(tabId, url)) return 0;
    const settings = await deps.settings.read();
    const platform = watchedPlatform(url, settings);
    if (!platform) {
      await clearTab(tabId);
      return 0;
    }
    refuseUnknownRules(detections, new Set(await db.getAllKeys('rules')), 'rule');
    const findings = await matchFindings(db, platform, detections);
    const state: TabState = { tabId, platform, origin: new URL(url).origin, detections, findings, unread, updatedAt: deps.now() };
    await saveTab(state);
    await countInHistory(tabId, url, platform.id, detections, settings);
    return findings.length;
  }

  async function countInHistory(tabId: number, url: string, platform: string, detections: Detection[], settings: Settings) {
    if (settings.historyDays === 0) return;
    const page = url.split('#')[0]!;
    let seen = counted.get(tabId);
    if (!seen || seen.page !== page) counted.set(tabId, (seen = { page, features: new Set() }));
    const fresh = [...new Set(detections.map((d) => d.feature))].filter((f) => !seen.features.has(f));
    if (!fresh.length) return;
    fresh.forEach((f) => seen.features.add(f));
    await recordPageView(db, { platform, features: fresh, url: settings.recordUrls ? page : undefined, now: deps.now() });
  }

  async function clearTab(tabId: number) {
    counted.delete(tabId);
    await forgetTab(tabId);
    await deps.showBadge(tabId, { findings: 0, features: 0 });
  }

  /**
   * A tab started loading. Chromium says so for a new document and for an in-app move alike
   * (`history.pushState`); a content script reports a new document's findings on its own, but
   * after an in-app move that changed nothing it found it sends nothing. So a tab that stays on
   * the watched origin it reported from keeps its findings; any other is emptied now.
   */
  async function tabLoading(tabId: number, url: string | undefined) {
    const state = await readTab(tabId);
    if (state?.origin && url && originOf(url) === state.origin && watchedPlatform(url, await deps.settings.read())) return;
    await clearTab(tabId);
  }

  /** The arrangements a tab's findings name and the names of the parties the tab's report mentions. */
  async function explain(state: TabState): Promise<Pick<TabReport, 'arrangements' | 'entities'>> {
    const tx = db.transaction(['arrangements', 'entities'], 'readonly');
    const arrangements = (await Promise.all(state.findings.map((f) => tx.objectStore('arrangements').get(f.arrangementId)))).filter((a) => a !== undefined);
    // Only the parties this report names: the popup reads every byte of it before it shows anything.
    const [entities] = await Promise.all([Promise.all([...namedParties(state, arrangements)].map((id) => tx.objectStore('entities').get(id))), tx.done]);
    return {
      arrangements: Object.fromEntries(arrangements.map((a) => [a.id, fromStored(a)])),
      entities: Object.fromEntries(entities.filter((e) => e !== undefined).map((e) => [e.id, { id: e.id, name: e.name, kind: e.kind }])),
    };
  }

  /**
   * Saved with what explains it, so the popup can show it without asking. Session storage holds
   * 10 MB across all tabs: what does not fit is saved bare, and the popup asks instead.
   */
  async function saveTab({ arrangements: _a, entities: _e, ...state }: SavedTab) {
    const explained = await explain(state);
    await writeTab({ ...state, ...explained }).catch(() => writeTab(state));
    // The badge follows what explains the findings: a changed list can make one active or end it.
    await deps.showBadge(state.tabId, badgeCount(state, explained.arrangements));
  }

  /** A changed list changes what open tabs' findings say: each tab's saved explanation is read again, in its own order. */
  async function reexplainTabs() {
    const tabs = await readAllTabs();
    const again = (tabId: number) => async () => {
      const current = await readTab(tabId);
      if (current) await saveTab(current);
    };
    await Promise.all(tabs.map((t) => inTabOrder(t.tabId, again(t.tabId))));
  }

  async function tabReport(tabId: number): Promise<TabReport> {
    const [state, settings] = await Promise.all([readTab(tabId), deps.settings.read()]);
    const base: SavedTab = state ?? { tabId, detections: [], findings: [], updatedAt: 0 };
    const { arrangements, entities } = base.arrangements && base.entities ? { arrangements: base.arrangements, entities: base.entities } : await explain(base);
    return { ...base, arrangements, entities, watched: state !== null, paused: settings.paused };
  }

  async function queryList(query: ListQuery): Promise<ListSummary> {
    const list = await readList(db);
    const text = query.text?.trim().toLowerCase();
    const names = new Map(list.entities.map((e) => [e.id, e.name.toLowerCase()]));
    const arrangements = list.arrangements.filter(
      (a) =>
        (!query.platform || a.platform === query.platform) &&
        (!query.partner || a.partners.includes(query.partner)) &&
        (!query.status || a.status === query.status) &&
        (!query.region || a.regions.includes(query.region)) &&
        (!text ||
          [a.title, a.summary, a.platform, ...a.partners.map((p) => names.get(p) ?? p)].some((s) => s.toLowerCase().includes(text))),
    );
    return {
      version: list.version,
      total: list.arrangements.length,
      arrangements,
      entities: list.entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
    };
  }

  async function prepareImport(text: string) {
    const parsed = parseListFile(text);
    if (!parsed.ok) return parsed;
    const stored = await readList(db);
    const problems = checkMerged(stored, parsed.list);
    if (problems.length) {
      const detail = `The list refers to things that do not exist or repeats ids: ${problems[0]!.path}: ${problems[0]!.message}`;
      return { ok: false as const, error: 'list-refused' as const, detail, problems };
    }
    return { ok: true as const, list: parsed.list, changes: diffImport(stored, parsed.list) };
  }

  return {
    settings: deps.settings,
    pageConfig,
    reportDetections: (tabId: number, url: string, detections: Detection[], unread = false) =>
      inTabOrder(tabId, () => reportDetections(tabId, url, detections, unread)),
    clearTab: (tabId: number) => inTabOrder(tabId, () => clearTab(tabId)),
    tabLoading: (tabId: number, url?: string) => inTabOrder(tabId, () => tabLoading(tabId, url)),
    tabReport,
    queryList,
    firmPageConfig,
    reportFirmDetections: (tabId: number, url: string, detections: Detection[]) => inTabOrder(tabId, () => reportFirmDetections(tabId, url, detections)),

    /** The host permissions a financial-sites mode needs, from the stored list. */
    async firmPatterns(mode: 'firms' | 'all'): Promise<string[]> {
      return mode === 'all' ? [EVERY_SITE] : firmPatterns(await db.getAll('entities'));
    },

    async installBundled(mode: 'update' | 'reset') {
      await installBundled(db, await deps.loadBundled(), mode);
      await reexplainTabs();
    },

    async exportList(): Promise<string> {
      const { origins: _o, ...list } = await readList(db);
      return JSON.stringify({ format: 1, ...list }, null, 2);
    },

    async previewImport(text: string): Promise<Result<ReturnType<typeof diffImport>>> {
      const prepared = await prepareImport(text);
      return prepared.ok ? ok(prepared.changes) : prepared;
    },

    async importList(text: string): Promise<Result<ReturnType<typeof diffImport>>> {
      const prepared = await prepareImport(text);
      if (!prepared.ok) return prepared;
      await writeImport(db, { ...prepared.list, version: prepared.list.version });
      await reexplainTabs();
      return ok(prepared.changes);
    },

    readHistory: () => readHistory(db),
    clearHistory: () => clearHistory(db),

    async pruneHistory() {
      await pruneHistory(db, (await deps.settings.read()).historyDays, deps.now());
    },

    /** A site switched off, or watching paused: its open tabs lose their findings and badge at once. */
    async applySettings(settings: Settings) {
      const tabs = await readAllTabs();
      const unwatched = tabs.filter((t) =>
        t.firm ? settings.paused || settings.financialSites === 'off' : !t.origin || !watchedPlatform(`${t.origin}/`, settings),
      );
      await Promise.all(unwatched.map((t) => inTabOrder(t.tabId, () => clearTab(t.tabId))));
    },

    async clearAll() {
      await clearHistory(db);
      await installBundled(db, await deps.loadBundled(), 'reset');
      await deps.settings.reset();
      await Promise.all((await readAllTabs()).map((t) => inTabOrder(t.tabId, () => clearTab(t.tabId))));
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;

/** Every entity a tab report mentions: the page's platform, what was detected, and each arrangement's parties. */
function namedParties(state: TabState, arrangements: readonly Arrangement[]): Set<string> {
  const ids = new Set<string>();
  if (state.platform) ids.add(state.platform.id);
  if (state.firm) ids.add(state.firm);
  for (const d of state.detections) d.partners.forEach((p) => ids.add(p));
  for (const a of arrangements) {
    ids.add(a.platform);
    a.partners.forEach((p) => ids.add(p));
    for (const flow of a.flows) ids.add(flow.from).add(flow.to);
  }
  return ids;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
