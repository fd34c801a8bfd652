// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMergeArgs, parseScanArgs, UsageError } from '../../../tools/scan/options';
import { readList } from '../../../tools/scan/targets';

describe('the scan command line', () => {
  it('gives each file the --as URL before it, in order, among URLs and archives', () => {
    const options = parseScanArgs(['--as', 'https://www.facebook.com/', 'a.html', 'https://www.x.com/i', 'crawl.warc.gz', '--as', 'https://www.messenger.com/t/1', 'b.html']);
    expect(options.inputs).toEqual([
      { kind: 'file', path: 'a.html', url: 'https://www.facebook.com/' },
      { kind: 'url', url: 'https://www.x.com/i' },
      { kind: 'archive', path: 'crawl.warc.gz' },
      { kind: 'file', path: 'b.html', url: 'https://www.messenger.com/t/1' },
    ]);
    expect(options).toMatchObject({ format: 'text', jobs: 1, shard: { index: 0, count: 1 }, quietMs: 2_000, timeoutMs: 30_000, resume: false });
  });

  it('reads the throughput and cluster options', () => {
    const options = parseScanArgs(['--json', '--jobs', '4', '--shard', '2/5', '--wait', '5000', '--timeout', '9000', '--list', 'pages.txt']);
    expect(options).toMatchObject({ format: 'json', jobs: 4, shard: { index: 2, count: 5 }, quietMs: 5_000, timeoutMs: 9_000 });
    expect(options.inputs).toEqual([{ kind: 'list', path: 'pages.txt' }]);
  });

  it.each([
    [['a.html'], /needs the address it came from/],
    [['--as', 'https://www.facebook.com/'], /not followed by a file/],
    [['--as', 'https://www.facebook.com/', 'https://www.facebook.com/x'], /is a URL: it is opened as it is/],
    [['--as', 'ftp://x', 'a.html'], /--as needs an http\(s\) URL/],
    [['--jobs', '0', 'https://www.x.com/'], /--jobs needs a whole number/],
    [['--format', 'xml', 'https://www.x.com/'], /--format is text, json, jsonl or csv/],
    [['--resume', 'https://www.x.com/'], /--resume needs --output/],
    [['--resume', '--output', 'o.json', '--json', 'https://www.x.com/'], /--resume works with --format jsonl/],
    [['--shard', '3/3', 'https://www.x.com/'], /I counts from 0/],
    [['--frobnicate', 'https://www.x.com/'], /Unknown option '--frobnicate'/],
    [[], /Nothing to scan/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseScanArgs(argv)).toThrow(UsageError);
    expect(() => parseScanArgs(argv)).toThrow(message);
  });

  it('merge takes the outputs to join', () => {
    expect(parseMergeArgs(['--output', 'all.json', 'a.jsonl', 'b.jsonl'])).toEqual({ files: ['a.jsonl', 'b.jsonl'], output: 'all.json' });
    expect(() => parseMergeArgs([])).toThrow(/name the shard outputs/);
  });
});

describe('a --list file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ledgerlight-list-'));
  const list = (text: string) => {
    const path = join(folder, 'pages.txt');
    writeFileSync(path, text);
    return path;
  };

  it('holds URLs, archives and saved files with their URLs, paths read from its own folder', () => {
    expect(readList(list('# a study\nhttps://www.x.com/i\n\ncrawl/part-1.warc.gz\nsaved/a.html https://www.facebook.com/\n'))).toEqual([
      { kind: 'url', url: 'https://www.x.com/i' },
      { kind: 'archive', path: join(folder, 'crawl/part-1.warc.gz') },
      { kind: 'file', path: join(folder, 'saved/a.html'), url: 'https://www.facebook.com/' },
    ]);
  });

  it('says which line it cannot read', () => {
    expect(() => readList(list('https://www.x.com/\nsaved.html\n'))).toThrow(/pages\.txt:2: a line is "URL", "ARCHIVE" or "FILE URL"/);
  });
});
