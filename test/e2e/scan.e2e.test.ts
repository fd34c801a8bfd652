import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFixturePages } from '../../tools/harness/fixture-pages';
import type { ScannedPage } from '../../tools/scan/report';

const fixtures = readFixturePages(resolve('test/fixtures/pages'));
const entityNames = new Set(
  (JSON.parse(readFileSync(resolve('public/data/entities.json'), 'utf8')) as { entities: { name: string }[] }).entities.map((e) => e.name),
);

/** Runs `npm run scan` as a researcher would, from the command line. */
function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('npx', ['tsx', 'tools/scan/index.ts', ...args], { env: process.env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run scan', () => {
  it('reports, in JSON, what each fixture page must and must not show', { timeout: 240_000 }, async () => {
    const { code, stdout, stderr } = await scan(['--json', ...fixtures.flatMap((f) => ['--as', f.url, f.file])]);
    expect(code, stderr).toBe(0);
    const { pages } = JSON.parse(stdout) as { pages: ScannedPage[] };
    expect(pages).toHaveLength(fixtures.length);
    fixtures.forEach((fixture, i) => {
      const page = pages[i]!;
      expect(page.url).toBe(fixture.url);
      expect(page.error).toBeUndefined();
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
        expect(f.title).toMatch(/\w/);
        expect(f.partners.length).toBeGreaterThan(0);
        for (const partner of f.partners) expect(entityNames).toContain(partner);
        expect(f.dataShared.length).toBeGreaterThan(0);
        for (const source of f.sources) expect(source.url).toMatch(/^https:\/\//);
      }
    });
  });

  it('says which pages it could not load and still finishes with exit code 0', { timeout: 120_000 }, async () => {
    const { code, stdout } = await scan(['--as', 'https://www.facebook.com/', 'test/fixtures/pages/no-such-page.html', 'https://www.facebook.com/not-served']);
    expect(code).toBe(0);
    expect(stdout).toContain('could not be scanned: no such file: test/fixtures/pages/no-such-page.html');
    expect(stdout).toMatch(/https:\/\/www\.facebook\.com\/not-served\n\s+could not be scanned: unreachable/);
  });

  it('refuses a saved file without the URL it came from, before starting a browser', async () => {
    const { code, stderr } = await scan([fixtures[0]!.file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs the address it came from\. Put --as URL before it/);
  });
});
