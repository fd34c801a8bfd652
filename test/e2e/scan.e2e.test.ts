import { describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFixturePages } from '../../tools/harness/fixture-pages';
import type { ScannedPage } from '../../tools/scan/report';
import type { Totals } from '../../tools/scan/merge';
import { ARCHIVED_CRAWL, ARCHIVED_PAGES, makeWarc } from '../web-archive';

const fixtures = readFixturePages(resolve('test/fixtures/pages'));
const entityNames = new Set(
  (JSON.parse(readFileSync(resolve('public/data/entities.json'), 'utf8')) as { entities: { name: string }[] }).entities.map((e) => e.name),
);
const folder = mkdtempSync(join(tmpdir(), 'ledgerlight-scan-e2e-'));
const SCANNER = ['--import', 'tsx', 'tools/scan/index.ts'];

/** Runs `npm run scan` as a researcher would, from the command line. */
function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...SCANNER, ...args], { env: process.env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);

describe('npm run scan', () => {
  it('reports every page given, in JSON and in order: what each fixture must and must not show, pages it does not watch, pages that fail or hang', { timeout: 240_000 }, async () => {
    const extras = [
      ['--as', 'https://www.facebook.com/hang', 'test/fixtures/scan/hang.html'],
      ['--as', 'https://example.org/feed', fixtures[0]!.file],
      ['--as', 'https://www.facebook.com/', 'test/fixtures/pages/no-such-page.html'],
      ['https://www.facebook.com/not-served'],
    ];
    // The fixtures are still once loaded: a short quiet time is enough (the archive below has a
    // late control). The hanging page goes first, so its time limit runs while the fixtures are scanned.
    const { code, stdout, stderr } = await scan([
      '--json',
      '--jobs',
      '4',
      '--wait',
      '500',
      '--timeout',
      '20000',
      ...extras.flat(),
      ...fixtures.flatMap((f) => ['--as', f.url, f.file]),
    ]);
    expect(code, stderr).toBe(0);
    const { pages } = JSON.parse(stdout) as { pages: ScannedPage[] };
    expect(pages).toHaveLength(fixtures.length + extras.length);
    fixtures.forEach((fixture, i) => {
      const page = pages[extras.length + i]!;
      expect(page.url).toBe(fixture.url);
      expect(page.error, fixture.file).toBeUndefined();
      expect(page.platform, fixture.file).toMatch(/^[A-Z]/);
      const fired = page.detections.map((d) => d.ruleId);
      for (const rule of fixture.fires) expect(fired, `${fixture.file} must fire ${rule}`).toContain(rule);
      if (fixture.quiet === 'all') expect(page.detections, `${fixture.file} must find nothing`).toEqual([]);
      else for (const rule of fixture.quiet) expect(fired, `${fixture.file} must not fire ${rule}`).not.toContain(rule);
      for (const d of page.detections) {
        expect(d.signals.length).toBeGreaterThan(0);
        for (const partner of d.partners) expect(entityNames, 'partners are named, not cited by id').toContain(partner);
      }
      for (const f of page.findings) {
        expect(Object.keys(f)).toEqual(expect.arrayContaining(['arrangementId', 'title', 'platform', 'partners', 'status', 'dataShared', 'sources', 'because']));
        expect(f.title).toMatch(/\w/);
        expect(f.partners.length).toBeGreaterThan(0);
        for (const partner of f.partners) expect(entityNames).toContain(partner);
        expect(f.dataShared.length).toBeGreaterThan(0);
        for (const source of f.sources) expect(source.url).toMatch(/^https:\/\//);
        expect(f.because.length, `${f.arrangementId} says which signals it rests on`).toBeGreaterThan(0);
        const seen = page.detections.flatMap((d) => d.signals);
        for (const signal of f.because) expect(seen).toContainEqual(signal);
      }
    });
    const [hang, unwatched, missing, unreachable] = pages;
    expect(hang).toMatchObject({ url: 'https://www.facebook.com/hang', platform: null, error: expect.stringMatching(/^timed out after 20000 ms/) });
    expect(unwatched).toMatchObject({ url: 'https://example.org/feed', platform: null, detections: [], findings: [], reason: expect.stringMatching(/not a site Ledgerlight watches/) });
    expect(unwatched!.error).toBeUndefined();
    expect(missing).toMatchObject({ platform: null, error: 'no such file: test/fixtures/pages/no-such-page.html' });
    expect(unreachable).toMatchObject({ url: 'https://www.facebook.com/not-served', platform: null, error: expect.stringMatching(/^unreachable: /) });
  });

  it('scans a web archive in two shards, one killed and resumed, and merges them: every archived page once', { timeout: 240_000 }, async () => {
    const warc = join(folder, 'crawl.warc.gz');
    writeFileSync(warc, await makeWarc(ARCHIVED_CRAWL));
    const shard0 = join(folder, 'shard-0.jsonl');
    const shard1 = join(folder, 'shard-1.jsonl');
    const common = ['--format', 'jsonl', '--resume', '--timeout', '60000'];

    // Shard 0 holds the unwatched page, done at once, then a thread that must stay quiet for 50 s:
    // the run is stopped while it waits, as a cluster stops a pod.
    const killed = spawn(process.execPath, [...SCANNER, ...common, '--wait', '50000', '--shard', '0/2', '--output', shard0, warc], { stdio: 'ignore' });
    const exited = new Promise((done) => killed.once('exit', done));
    await expect.poll(() => lines(shard0).length, { timeout: 60_000, interval: 200 }).toBe(1);
    killed.kill('SIGTERM');
    await exited;
    const before = lines(shard0);
    expect(JSON.parse(before[0]!)).toMatchObject({ url: 'https://example.org/news', platform: null });

    for (const [shard, output] of [['0/2', shard0], ['1/2', shard1]] as const) {
      const run = await scan([...common, '--shard', shard, '--output', output, warc]);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(lines(shard0)[0], 'the page finished before the stop is kept, not scanned again').toBe(before[0]);
    const scanned = [...lines(shard0), ...lines(shard1)].map((line) => JSON.parse(line) as ScannedPage);
    expect(scanned.map((p) => p.url).sort()).toEqual([...ARCHIVED_PAGES].sort());
    for (const page of scanned) expect(page.input).toBe(`${warc} ${page.url}`);
    const byUrl = Object.fromEntries(scanned.map((p) => [p.url, p]));
    expect(byUrl['https://www.messenger.com/t/300']!.detections.map((d) => d.ruleId), 'its control comes 1.5 s after load from a script replayed from the archive').toContain('chat-send-money');
    expect(byUrl['https://www.messenger.com/t/301']).toMatchObject({ platform: 'Messenger', detections: [] });
    expect(byUrl['https://www.messenger.com/t/301']!.error, 'a missing image is answered 404, not an error').toBeUndefined();

    const merged = await scan(['merge', shard1, shard0]);
    expect(merged.code, merged.stderr).toBe(0);
    const { pages, totals } = JSON.parse(merged.stdout) as { pages: ScannedPage[]; totals: Totals };
    expect(pages).toHaveLength(ARCHIVED_PAGES.length);
    expect(totals).toMatchObject({ pages: 3, watched: 2, unwatched: 1, failed: 0, platforms: { Messenger: 2 }, features: { 'p2p-payments': 1 } });
  });

  it('refuses a saved file without the URL it came from, before starting a browser', async () => {
    const { code, stderr } = await scan([fixtures[0]!.file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs the address it came from\. Put --as URL before it/);
  });
});
