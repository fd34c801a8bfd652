/**
 * Bundled by the benchmark and evaluated in the extension's real service worker: fills a
 * separate IndexedDB database (never the user's) with a generated list, then times the real
 * matchFindings on it, so the figure comes from Chromium's IndexedDB, not from a fake.
 */
import { openLedgerDB, toStored } from '../../utils/db/schema';
import { matchFindings, type PagePlatform } from '../../utils/matching';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Detection } from '../../utils/model/detection';

export interface MatchingTimes {
  arrangements: number;
  findings: number;
  /** ms per page, in run order; the first is the cold one. */
  runs: number[];
}

const BENCH_DB = 'ledgerlight-bench';

async function timeMatching(list: Arrangement[], page: PagePlatform, detections: Detection[], runs: number): Promise<MatchingTimes> {
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(BENCH_DB);
    request.onsuccess = request.onerror = done;
  });
  const db = await openLedgerDB(BENCH_DB);
  const tx = db.transaction('arrangements', 'readwrite');
  await Promise.all([...list.map((a) => tx.store.put(toStored(a, 'imported'))), tx.done]);
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findings = (await matchFindings(db, page, detections)).length;
    times.push(performance.now() - t0);
  }
  db.close();
  indexedDB.deleteDatabase(BENCH_DB);
  return { arrangements: list.length, findings, runs: times };
}

(globalThis as unknown as { ledgerlightMatchingProbe: typeof timeMatching }).ledgerlightMatchingProbe = timeMatching;
