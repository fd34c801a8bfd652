import { beforeAll, describe, expect, it } from 'vitest';
import type { PageConfig } from '@/utils/model/page-config';
import { bundledFromDisk } from '../fixtures';
import { readFixturePages } from '../../../tools/harness/fixture-pages';
import { detectOnce, keepPagesOffline, loadPage, pageConfigSource } from './page-run';

/**
 * Every saved page, read by the shipped rules and entities as the content script would read it at
 * the page's real address: the rules it promises fire, and nothing else does.
 */
describe('fixture pages', () => {
  let configFor: (url: string) => Promise<PageConfig>;
  beforeAll(async () => {
    keepPagesOffline();
    configFor = await pageConfigSource(await bundledFromDisk());
  });

  for (const page of readFixturePages()) {
    it(`${page.name} finds ${page.fires.length ? page.fires.join(', ') : 'nothing'}`, async () => {
      loadPage(page.html);
      const fired = detectOnce(await configFor(page.url), page.url).map((d) => d.ruleId);
      // Exactly the promised set: a missing id is lost coverage, an extra one is a false alarm.
      expect([...new Set(fired)].sort()).toEqual([...page.fires].sort());
    });
  }
});
