import * as v from 'valibot';
import { TabReport } from './model/tab-report';
import { savedTabItem } from './storage';

/** What the popup accepts from storage: a `tab:report` reply's shape, checked as strictly as a message. */
const SavedReport = v.omit(TabReport, ['watched', 'paused']);

/**
 * The report of a tab as the background saved it (background/tab-store.ts), or undefined when
 * there is none to trust: no findings saved (a site not watched, watching paused, a page not yet
 * reported), saved without the arrangements (they did not fit), or not in the expected shape.
 * The caller then asks the background, which knows why.
 */
export async function readSavedReport(tabId: number): Promise<TabReport | undefined> {
  const saved = fromSavedText(await savedTabItem(tabId).getValue());
  if (!saved || !('arrangements' in saved)) return undefined;
  const parsed = v.safeParse(SavedReport, saved);
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
