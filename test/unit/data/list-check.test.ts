import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkListFiles, coverageGaps, type ListFiles } from '@/tools/data/list-check';
import { bundledFromDisk } from '../fixtures';

/** A fresh copy of the bundled files, for each test to break in one place. */
function bundledFiles(): ListFiles & { arrangements: any; rules: any } {
  const read = (name: string) => JSON.parse(readFileSync(`public/data/${name}.json`, 'utf8'));
  return { entities: read('entities'), rules: read('rules'), arrangements: read('arrangements') };
}

function problemsOf(files: ListFiles): string[] {
  return checkListFiles(files).problems.map((p) => `${p.path}: ${p.message}`);
}

describe('data:check on a broken list', () => {
  it('rejects a source without a real date, naming the field', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[0].sources[0].published = 'undated';
    expect(problemsOf(files)).toContain('arrangements.json.arrangements[0].sources[0].published: must be YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('rejects a calendar date that does not exist', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[1].since = '2019-02-30';
    expect(problemsOf(files)).toContain('arrangements.json.arrangements[1].since: is not a real date');
  });

  it('rejects a source read over plain http', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[0].sources[0].url = 'http://www.pymnts.com/news/2015/facebook-messenger-adds-payments/';
    expect(problemsOf(files)).toContain('arrangements.json.arrangements[0].sources[0].url: must be an https URL');
  });

  it('rejects a source without a publisher', () => {
    const files = bundledFiles();
    delete files.arrangements.arrangements[2].sources[0].publisher;
    expect(problemsOf(files).some((p) => p.startsWith('arrangements.json.arrangements[2].sources[0].publisher:'))).toBe(true);
  });

  it('names a partner that no entity defines', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[3].partners.push('first-bank-of-nowhere');
    expect(problemsOf(files)).toContain('arrangements[3].partners[1]: unknown entity "first-bank-of-nowhere"');
  });

  it('names a feature that no detection rule can find', () => {
    const files = bundledFiles();
    files.rules.rules = files.rules.rules.filter((r: { feature: string }) => r.feature !== 'bank-linking');
    expect(problemsOf(files)).toContain('rules: no rule detects feature "bank-linking"');
  });

  it('reports a watched platform that no arrangement covers, without failing the list', () => {
    const files = bundledFiles();
    files.arrangements.arrangements = files.arrangements.arrangements.filter((a: { platform: string }) => a.platform !== 'discord');
    const { problems, list } = checkListFiles(files);
    expect(problems).toEqual([]);
    expect(coverageGaps(list!)).toContain('discord');
  });

  it('counts an arrangement with the owner as covering its platforms', () => {
    const files = bundledFiles();
    const youtube = files.arrangements.arrangements.find((a: { platform: string }) => a.platform === 'youtube');
    youtube.platform = 'google';
    expect(coverageGaps(checkListFiles(files).list!)).not.toContain('youtube');
  });

  it('rejects an end date before the start', () => {
    const files = bundledFiles();
    Object.assign(files.arrangements.arrangements[0], { since: '2018-08', until: '2018-07' });
    expect(problemsOf(files)).toContain('arrangements[0].until: ends (2018-07) before it starts (2018-08)');
  });

  it('rejects a summary that is a source headline, whatever its case and punctuation', () => {
    const files = bundledFiles();
    const entry = files.arrangements.arrangements[0];
    entry.summary = `${entry.sources[1].title.toUpperCase()}!`;
    expect(problemsOf(files)).toContain('arrangements[0].summary: copies the title of source 1');
  });

  it('rejects a summary that quotes a source headline inside its own sentences', () => {
    const files = bundledFiles();
    const entry = files.arrangements.arrangements[4];
    entry.summary = `Reporters wrote: ${entry.sources[0].title}. Nothing else is known.`;
    expect(problemsOf(files)).toContain('arrangements[4].summary: contains the title of source 0 word for word');
  });

  it('rejects a source on a staging host, naming the entry and source', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[3].sources[0].url = 'https://pymnts-com-develop.go-vip.net/news/2023/whatsapp/';
    expect(problemsOf(files)).toContain('arrangements[3].sources[0].url: pymnts-com-develop.go-vip.net is a staging or development host; cite the published page');
  });

  it('rejects a source on a known repost host, saying why', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[3].sources[0].url = 'https://fdocuments.net/document/some-order.html';
    expect(problemsOf(files)).toContain('arrangements[3].sources[0].url: fdocuments.net is not an original (document mirror: uploads of other people’s files); cite the original');
  });

  it('rejects a crawler’s copy of a site kept in someone else’s repository', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[3].sources[0].url = 'https://github.com/MarshalX/telegram-crawler/blob/0338f59/data/web/telegram.org/blog/payments.html';
    expect(problemsOf(files)).toContain('arrangements[3].sources[0].url: github.com is not an original (a crawler’s copy of telegram.org; cite the page at telegram.org); cite the original');
  });

  it('counts a repository as first-hand only when it is a party’s own', () => {
    const files = bundledFiles();
    const entry = files.arrangements.arrangements[8];
    Object.assign(entry, { verified: true, statements: [], userControls: [] });
    entry.sources = [{ ...entry.sources[0], url: 'https://github.com/someone/notes/blob/main/payments.md' }];
    expect(problemsOf(files)).toContain('arrangements[8].verified: rests on one secondary source: a verified entry needs two sources or a first-hand one');
    entry.sources = [{ ...entry.sources[0], url: 'https://github.com/discord/discord-api-docs/commit/b97fad3' }];
    expect(problemsOf(files).filter((p) => p.startsWith('arrangements[8].verified'))).toEqual([]);
  });

  it('rejects a flow from a party to itself', () => {
    const files = bundledFiles();
    const flow = files.arrangements.arrangements[5].flows[0];
    flow.to = flow.from;
    expect(problemsOf(files)).toContain(`arrangements[5].flows[0]: goes from "${flow.from}" to itself`);
  });

  it('rejects a platform no watched platform has', () => {
    const files = bundledFiles();
    files.arrangements.arrangements[6].platform = 'kakao';
    expect(problemsOf(files)).toContain('arrangements[6].platform: "kakao" is no watched platform or owner of one, so the entry can never be shown');
  });

  it('rejects an ended arrangement without an end date', () => {
    const files = bundledFiles();
    const entry = files.arrangements.arrangements[7];
    entry.status = 'ended';
    delete entry.until;
    expect(problemsOf(files)).toContain('arrangements[7].until: is missing: an ended arrangement says when it ended');
  });

  it('rejects a verified entry that rests on one secondary source', () => {
    const files = bundledFiles();
    const entry = files.arrangements.arrangements[8];
    entry.verified = true;
    entry.sources = [{ ...entry.sources[0], url: 'https://techcrunch.com/2019/01/01/a-story/' }];
    entry.statements = [];
    entry.userControls = [];
    expect(problemsOf(files)).toContain('arrangements[8].verified: rests on one secondary source: a verified entry needs two sources or a first-hand one');
  });

  it('rejects an id whose year is not the year it started', () => {
    const files = bundledFiles();
    const entry = files.arrangements.arrangements[9];
    entry.id = `${entry.id.replace(/-\d{4}$/, '')}-1999`;
    expect(problemsOf(files)).toContain(`arrangements[9].id: ends in 1999 but the arrangement starts in ${entry.since.slice(0, 4)}`);
  });

  it('rejects a file that is not a list at all', () => {
    const files = bundledFiles();
    (files as ListFiles).rules = { format: 1, version: '2026.11.23' };
    expect(problemsOf(files)).toContain('rules.json: has no "rules" array');
  });
});

describe('the bundled list', () => {
  it('loads the way the background loads it, with the size the issue asks for', async () => {
    const list = await bundledFromDisk();
    expect(list.arrangements.length).toBeGreaterThanOrEqual(40);
    expect(list.arrangements.filter((a) => a.verified).length).toBeGreaterThanOrEqual(35);
  });

  it('has every verified arrangement cite at least one https source with a date', async () => {
    const list = await bundledFromDisk();
    for (const a of list.arrangements.filter((entry) => entry.verified)) {
      expect(a.sources.length, a.id).toBeGreaterThan(0);
      for (const s of a.sources) expect(s.url.startsWith('https://'), `${a.id}: ${s.url}`).toBe(true);
    }
  });
});
