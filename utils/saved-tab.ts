import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { Arrangement } from './model/arrangement';
import { Detection } from './model/detection';
import { Entity } from './model/entity';
import { Id } from './model/primitives';
import { FEATURE_KINDS } from './model/vocabulary';
import type { TabReport } from './messages';

/**
 * A tab's findings live in storage.session under this key, as JSON text (background/tab-store.ts
 * says why), written by the background when it matches. With them it saves the arrangements they
 * name and the parties' names, so the popup can read everything it shows straight from storage
 * instead of waking the service worker and waiting for a reply.
 */
export const savedTabKey = (tabId: number) => `tab:${tabId}` as const;

const Finding = v.object({
  arrangementId: Id,
  via: v.picklist(['platform', 'owner', 'any']),
  ruleIds: v.array(Id),
  partners: v.array(Id),
  features: v.array(v.picklist(FEATURE_KINDS)),
});

/** What the popup accepts from storage: the same shape a `tab:report` reply has, checked as strictly as a message. */
const ExplainedTab = v.object({
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  platform: v.optional(v.object({ id: Id, owner: v.optional(Id) })),
  origin: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  detections: v.array(Detection),
  findings: v.array(Finding),
  unread: v.optional(v.boolean()),
  updatedAt: v.number(),
  arrangements: v.record(Id, Arrangement),
  entities: v.record(Id, v.pick(Entity, ['id', 'name', 'kind'])),
});

/**
 * The report of a tab as the background saved it, or undefined when there is none to trust: no
 * findings saved (a site not watched, watching paused, a page not yet reported), saved without
 * the arrangements (they did not fit), or not in the expected shape. The caller then asks the
 * background, which knows why.
 */
export async function readSavedReport(tabId: number): Promise<TabReport | undefined> {
  const key = savedTabKey(tabId);
  const saved = fromSavedText((await browser.storage.session.get(key))[key]);
  if (!saved || !('arrangements' in saved)) return undefined;
  const parsed = v.safeParse(ExplainedTab, saved);
  if (!parsed.success || parsed.output.tabId !== tabId) {
    console.warn(`Ledgerlight: ignored the saved findings of tab ${tabId}`, parsed.issues?.[0]?.message ?? 'another tab');
    return undefined;
  }
  // Saved only while the site is watched and watching is on: pausing or switching a site off clears it.
  return { ...parsed.output, watched: true, paused: false };
}

/**
 * The object a stored tab holds, from the JSON text it is saved as; undefined when it is not such
 * text (not a string, not JSON, or JSON of something other than an object), so that neither the
 * popup nor the background takes it for a tab.
 */
export function fromSavedText(stored: unknown): object | undefined {
  if (typeof stored !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(stored);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
