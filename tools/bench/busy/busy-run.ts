import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, servePages, type ExtensionSession } from '../../harness/browser';
import { WARMUP_URL, warmupHtml } from '../feed-page';
import { busyHtml, busyUrl, type Workload } from './busy-page';
import { writeFloorExtension } from './floor-extension';
import { startTrace, threadCost, type ThreadCost } from './trace';

/** After the page's activity, time for the last idle flush (its timeout is 1 s) and the report. */
const DRAIN_MS = 1_500;
const PAGE_ORIGIN = 'https://www.facebook.com/';

export type Contender = 'ours' | 'floor' | 'badger';

export interface WorkloadRun extends ThreadCost {
  /** Reports our content script sent once the page's activity had begun (ours only; else 0). */
  reportsDuringActivity: number;
}

/**
 * Privacy Badger's MV3 build, from its public repository's mv3-chrome branch, loaded as it is:
 * LEDGERLIGHT_PRIVACY_BADGER names its src/ folder (the one holding manifest.json). Not part of
 * this project; when absent the comparison is skipped and the reason printed.
 */
export function privacyBadgerPath(): { path?: string; skipped?: string } {
  const path = process.env.LEDGERLIGHT_PRIVACY_BADGER ?? '/work/privacybadger-mv3/src';
  const manifest = join(path, 'manifest.json');
  if (!existsSync(manifest)) return { skipped: `no Privacy Badger build at ${path} (set LEDGERLIGHT_PRIVACY_BADGER to the src/ folder of its mv3-chrome branch)` };
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { manifest_version?: number; content_scripts?: { js: string[] }[] };
  if (parsed.manifest_version !== 3) return { skipped: `the Privacy Badger build at ${path} is not MV3` };
  if (!parsed.content_scripts?.some((c) => c.js.some((j) => j.endsWith('facebook.js')))) return { skipped: `the Privacy Badger build at ${path} has no facebook.js content script` };
  return { path };
}

/**
 * Runs every workload `runs` times in one browser holding one extension, tracing the page's
 * main thread from before the page loads until its activity has drained. Nothing reaches into
 * the page while the trace runs.
 */
export async function runContender(contender: Contender, extensionPath: string, workloads: Workload[], runs: number, say: (line: string) => void): Promise<Map<string, WorkloadRun[]>> {
  const floor = contender === 'floor' ? writeFloorExtension([`${PAGE_ORIGIN}*`]) : undefined;
  const session = await launchExtension({ extensionPath: floor?.path ?? extensionPath });
  const results = new Map<string, WorkloadRun[]>();
  try {
    await servePages(session.context, { [WARMUP_URL]: warmupHtml(), ...Object.fromEntries(workloads.map((w) => [busyUrl(w), () => busyHtml(w)])) });
    for (const workload of workloads) {
      const list: WorkloadRun[] = [];
      for (let n = 0; n < runs; n++) list.push(await runOnce(session, contender, workload));
      results.set(workload.name, list);
      say(`   ${contender}: ${workload.name} done`);
    }
  } finally {
    await session.close();
    floor?.remove();
  }
  return results;
}

async function runOnce(session: ExtensionSession, contender: Contender, workload: Workload): Promise<WorkloadRun> {
  const page = await session.context.newPage();
  // The trace is started on a small page of the same site, so the feed opens in the traced renderer.
  await page.goto(WARMUP_URL);
  const cdp = await session.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  // Generous: a 300,000-element page on a shared machine can take half a minute to load.
  await page.goto(busyUrl(workload), { waitUntil: 'load', timeout: 180_000 });
  await new Promise((done) => setTimeout(done, workload.startMs + workload.activeMs + DRAIN_MS));
  const events = await stop();
  await cdp.detach();
  const cost = threadCost(events, `chrome-extension://${session.extensionId}/`, PAGE_ORIGIN);
  let reportsDuringActivity = 0;
  if (contender === 'ours') {
    const activityAt = Number(await page.evaluate(() => document.documentElement.dataset.activityAt));
    reportsDuringActivity = (await lastReportTimes(session)).filter((t) => t >= activityAt).length;
  }
  await page.close();
  return { ...cost, reportsDuringActivity };
}

/** When the background last saved each tab's report (Date.now() in the worker). */
async function lastReportTimes(session: ExtensionSession): Promise<number[]> {
  const worker = await session.currentWorker();
  const saved = await worker.evaluate(async () => Object.values(await chrome.storage.session.get(null)).filter((v): v is string => typeof v === 'string'));
  return saved.map((text) => (JSON.parse(text) as { updatedAt?: number }).updatedAt ?? 0);
}
