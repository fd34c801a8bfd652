/**
 * Bundled by the benchmark and evaluated in the extension's real service worker: fills a
 * separate IndexedDB database (never the user's) with a generated list through the same write
 * the importer uses, then times the real matchFindings on it, so the figure comes from Chromium's
 * IndexedDB, not from a fake.
 */
import { openLedgerDB } from '../../background/db/migrations';
import { writeImport } from '../../background/db/list-store';
import { matchFindings } from '../../background/matching';
import type { Finding, PagePlatform } from '../../utils/model/finding';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Detection } from '../../utils/model/detection';
import { scanFindings } from './matching-reference';

export interface MatchingTimes {
  arrangements: number;
  findings: number;
  /** Whether the findings equal a scan of the whole list, field for field and in order. */
  agreesWithScan: boolean;
  /** ms to open the filled database again, as a restarted service worker does. */
  open: number;
  /** ms per page, in run order; the first is the cold one, right after opening. */
  runs: number[];
}

const BENCH_DB = 'ledgerlight-bench';

async function timeMatching(list: Arrangement[], page: PagePlatform, detections: Detection[], runs: number): Promise<MatchingTimes> {
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(BENCH_DB);
    request.onsuccess = request.onerror = done;
  });
  const filled = await openLedgerDB(BENCH_DB);
  await writeImport(filled, { version: 'bench', arrangements: list });
  filled.close();

  const t0 = performance.now();
  const db = await openLedgerDB(BENCH_DB);
  const open = performance.now() - t0;
  const times: number[] = [];
  let findings: Finding[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findings = await matchFindings(db, page, detections);
    times.push(performance.now() - t0);
  }
  db.close();
  indexedDB.deleteDatabase(BENCH_DB);
  const agreesWithScan = JSON.stringify(findings) === JSON.stringify(scanFindings(list, page, detections));
  return { arrangements: list.length, findings: findings.length, agreesWithScan, open, runs: times };
}

(globalThis as unknown as { ledgerlightMatchingProbe: typeof timeMatching }).ledgerlightMatchingProbe = timeMatching;
