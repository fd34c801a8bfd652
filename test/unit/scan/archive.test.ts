// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../../tools/scan/archive';
import { ARCHIVED_CRAWL, ARCHIVED_PAGES, makeWacz, makeWarc } from '../../web-archive';

const folder = mkdtempSync(join(tmpdir(), 'ledgerlight-archive-test-'));

async function written(name: string, bytes: Promise<Buffer>) {
  const path = join(folder, name);
  writeFileSync(path, await bytes);
  return path;
}

describe('web archives', () => {
  it.each([
    ['crawl.warc.gz', { gzip: true }],
    ['crawl.warc', { gzip: false }],
  ])('%s: lists its HTML pages and replays any capture by URL, fragment or not', async (name, options) => {
    const archive = await openArchive(await written(name, makeWarc(ARCHIVED_CRAWL, options)));
    try {
      expect(archive.pages).toEqual(ARCHIVED_PAGES);
      const script = await archive.replay('https://static.xx.fbcdn.net/rsrc.php/composer.js#x');
      expect(script?.status).toBe(200);
      expect(script?.headers['content-type'] ?? script?.headers['Content-Type']).toBe('text/javascript');
      expect(script?.body.toString()).toContain('Send money');
      expect(await archive.replay('https://scontent.xx.fbcdn.net/missing.jpg')).toBeUndefined();
    } finally {
      await archive.close();
    }
  });

  it('a WACZ: its own page list, its WARC replayed', async () => {
    const listed = ['https://www.messenger.com/t/301', 'https://www.messenger.com/t/300', 'https://not.archived.example/'];
    const archive = await openArchive(await written('crawl.wacz', makeWacz(await makeWarc(ARCHIVED_CRAWL), listed)));
    try {
      expect(archive.pages, 'pages listed but not archived are left out').toEqual(listed.slice(0, 2));
      expect((await archive.replay('https://example.org/news'))?.body.toString()).toContain('Nothing to see');
    } finally {
      await archive.close();
    }
  });

  it('refuses a file that is not an archive', async () => {
    await expect(openArchive(await written('bad.wacz', Promise.resolve(Buffer.from('not a zip'))))).rejects.toThrow();
  });
});
