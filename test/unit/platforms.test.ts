import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/utils/platforms';
import { FIXTURE_ROOT } from '../../tools/harness/fixture-pages';

const data = (file: string) => JSON.parse(readFileSync(join('public', 'data', file), 'utf8'));
const PLATFORM_DIR = join('utils', 'platforms');
/** Files in utils/platforms/ that are not a platform of their own. */
const NOT_PLATFORMS = new Set(['index.ts', 'platform.ts', 'meta-redirect.ts']);

/**
 * One file per watched site, registered once: adding a site is its file and one line in the
 * registry, and this test says what else it needs before it ships.
 */
describe('the platform registry', () => {
  it('registers every platform file, under the id it is named by', () => {
    const files = readdirSync(PLATFORM_DIR).filter((f) => !NOT_PLATFORMS.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(PLATFORMS.map((p) => p.id).sort());
  });

  it('gives each host to one platform only', () => {
    const hosts = PLATFORMS.flatMap((p) => p.hosts);
    expect(hosts.filter((h, i) => hosts.indexOf(h) !== i)).toEqual([]);
  });

  for (const platform of PLATFORMS) {
    describe(platform.id, () => {
      it('is an entity of kind platform in entities.json, with its owner', () => {
        const entity = data('entities.json').entities.find((e: { id: string }) => e.id === platform.id);
        expect(entity?.kind).toBe('platform');
        if (platform.owner) expect(data('entities.json').entities.some((e: { id: string }) => e.id === platform.owner)).toBe(true);
      });

      it('has at least one detection rule of its own', () => {
        const own = data('rules.json').rules.filter((r: { platforms?: string[] }) => r.platforms?.includes(platform.id));
        expect(own.length).toBeGreaterThan(0);
      });

      it('has fixture pages of its own, and says where its users write', () => {
        const dir = join(FIXTURE_ROOT, platform.id);
        expect(existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
        expect(platform.userContent.length).toBeGreaterThan(0);
      });

      it('watches only https hosts it names exactly', () => {
        for (const host of platform.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      });
    });
  }
});
