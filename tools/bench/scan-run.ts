import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension } from '../harness/browser';
import { readFixturePages } from '../harness/fixture-pages';
import { takeSeat } from '../scan/extension';
import { scanAll } from '../scan/pool';
import type { Target } from '../scan/targets';

export const SCAN_JOBS = [1, 2, 4] as const;

const REAL_CORPUS = join('test', 'fixtures', 'real');

export interface ScanRun {
  jobs: number;
  pages: number;
  failed: number;
  seconds: number;
  /** CPU time of the scanner and its browser, all processes, in core-seconds. */
  cpuSeconds: number;
}

/**
 * The pages the scanner is timed on: the real-page corpus (test/fixtures/real/manifest.json)
 * when it is there, the rule fixtures otherwise.
 */
export function scanCorpus(): { name: string; targets: Target[] } {
  const manifest = join(REAL_CORPUS, 'manifest.json');
  if (existsSync(manifest)) {
    const { pages } = JSON.parse(readFileSync(manifest, 'utf8')) as { pages: { file: string; url: string }[] };
    const targets = pages.map((p): Target => ({ kind: 'file', path: join(REAL_CORPUS, p.file), url: p.url, input: `${p.file} ${p.url}` }));
    return { name: `the real-page corpus (${REAL_CORPUS})`, targets };
  }
  const targets = readFixturePages().map((f): Target => ({ kind: 'file', path: f.file, url: f.url, input: `${f.name} ${f.url}` }));
  return { name: 'the rule fixtures (test/fixtures/pages; no real-page corpus in this checkout)', targets };
}

/**
 * Scans the corpus once per job count in one browser, with the scanner's default settling (a
 * page is read once quiet for 2 s), after one page to warm the browser up.
 */
export async function timeScanner(targets: Target[]): Promise<ScanRun[]> {
  const session = await launchExtension();
  try {
    const seat = await takeSeat(session);
    const timing = { quietMs: 2_000, timeoutMs: 30_000 };
    await scanAll(session, seat, targets.slice(0, 1), { jobs: 1, ...timing }, async () => undefined);
    const runs: ScanRun[] = [];
    for (const jobs of SCAN_JOBS) {
      let failed = 0;
      const cpu = treeCpuSeconds();
      const started = Date.now();
      await scanAll(session, seat, targets, { jobs, ...timing }, async (page) => void (page.error && failed++));
      runs.push({ jobs, pages: targets.length, failed, seconds: (Date.now() - started) / 1000, cpuSeconds: treeCpuSeconds() - cpu });
    }
    return runs;
  } finally {
    await session.close();
  }
}

/**
 * CPU time used so far by this process and every process below it (Chromium's browser, renderers,
 * GPU and utility processes), from /proc: each process's own time plus that of the children it
 * has reaped, so tabs closed since still count. Linux only; 0 elsewhere.
 */
function treeCpuSeconds(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields start after its last ")".
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0); // utime stime cutime cstime
      stats.set(Number(name), { parent: Number(fields[1]), ticks });
    } catch {
      // The process ended while being read.
    }
  }
  const inTree = (pid: number): boolean => pid === process.pid || (pid > 1 && stats.has(pid) && inTree(stats.get(pid)!.parent));
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks / 100; // USER_HZ is 100 on Linux
}
