import type { LedgerDatabase } from './db/schema';
import type { FeatureKind } from '../utils/model/vocabulary';
import { dayOf } from '../utils/model/history';

const MAX_URLS_PER_ROW = 50;


/** Counts each feature kind once per page view. URLs are kept only when the user opted in. */
export async function recordPageView(
  db: LedgerDatabase,
  view: { platform: string; features: FeatureKind[]; url?: string; now: number },
): Promise<void> {
  const day = dayOf(view.now);
  const tx = db.transaction('history', 'readwrite');
  await Promise.all([
    ...view.features.map(async (feature) => {
      const row = (await tx.store.get([day, view.platform, feature])) ?? { day, platform: view.platform, feature, count: 0 };
      row.count += 1;
      if (view.url) row.urls = [...new Set([...(row.urls ?? []), view.url])].slice(-MAX_URLS_PER_ROW);
      await tx.store.put(row);
    }),
    tx.done,
  ]);
}

/** Drops days older than the kept period; a period of 0 keeps nothing. */
export async function pruneHistory(db: LedgerDatabase, keepDays: number, now: number): Promise<void> {
  const tx = db.transaction('history', 'readwrite');
  const range = keepDays > 0 ? IDBKeyRange.upperBound(dayOf(now - keepDays * 86_400_000), true) : undefined;
  for await (const cursor of tx.store.index('by-day').iterate(range)) await cursor.delete();
  await tx.done;
}

export async function readHistory(db: LedgerDatabase) {
  return db.getAll('history');
}

export async function clearHistory(db: LedgerDatabase): Promise<void> {
  await db.clear('history');
}
