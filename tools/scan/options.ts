import { parseArgs } from 'node:util';
import { parseShard, type Shard } from './shard';

export type Format = 'text' | 'json' | 'jsonl' | 'csv';

/** What was named on the command line, in order: each file carries the `--as` URL that preceded it. */
export type Input =
  | { kind: 'file'; path: string; url: string }
  | { kind: 'url'; url: string }
  | { kind: 'archive'; path: string }
  | { kind: 'list'; path: string };

export interface ScanOptions {
  format: Format;
  inputs: Input[];
  jobs: number;
  shard: Shard;
  /** Where results go; stdout when absent. `--resume` needs it. */
  output?: string;
  resume: boolean;
  /** How long a page must show no network or DOM activity before it is read. */
  quietMs: number;
  /** The most one page may take, from opening its tab to its report. */
  timeoutMs: number;
}

export interface MergeOptions {
  files: string[];
  output?: string;
}

export const USAGE = `Usage: npm run scan -- [options] <file.html|URL|archive.warc[.gz]|archive.wacz>...
       npm run scan -- merge [--output FILE] <shard output>...

Loads the built extension in headless Chromium, opens each page, waits until it settles and
reports what Ledgerlight found.

  --as URL         serve the next file at URL (a saved page needs the address it came from,
                   e.g. --as https://www.messenger.com/t/123 saved-thread.html)
  --list FILE      scan what FILE lists, one a line: a URL, an archive, or "FILE URL"
  --json           the same as --format json
  --format F       text (default), json ({"pages":[...]} at the end), jsonl (a line per page,
                   as each finishes) or csv (a row per page, as each finishes)
  --output FILE    write results to FILE instead of stdout
  --resume         skip the pages already in --output (jsonl) and add the rest to it
  --jobs N         pages at once (default 1)
  --shard I/N      scan only the I-th of N slices of the input (I from 0)
  --wait MS        how long a page must be quiet (no request, no DOM change) before it is read
                   (default 2000; more for slow pages)
  --timeout MS     the most one page may take before it is reported as failed (default 30000)

Archives: each HTML response in a WARC or WACZ is opened at its original URL, with everything
it asks for served from the same archive (404 when missing); nothing is fetched.
merge: joins shard outputs (jsonl or json) into one JSON report with totals.`;

export class UsageError extends Error {}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** A whole number within bounds, or a usage error naming the option. */
function count(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number of at least ${min}, got ${JSON.stringify(text)}.`);
  return n;
}

/**
 * Reads the scan command line with Node's own parser. Its tokens keep the order of the command
 * line, which `--as` needs: it applies to the file that follows it, so each file has its own.
 */
export function parseScanArgs(argv: string[]): ScanOptions {
  const { values, tokens } = parse(argv, {
    as: { type: 'string' },
    list: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    resume: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    shard: { type: 'string' },
    wait: { type: 'string' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) throw new UsageError('');
  const inputs: Input[] = [];
  let as: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'as') {
      if (!token.value || !isUrl(token.value)) throw new UsageError(`--as needs an http(s) URL, got ${JSON.stringify(token.value ?? '')}.`);
      if (as) throw new UsageError(`--as ${as} is not followed by a file to serve at that URL.`);
      as = token.value;
    } else if (token.kind === 'option' && token.name === 'list') inputs.push({ kind: 'list', path: token.value! });
    else if (token.kind === 'positional') {
      const arg = token.value;
      if (isUrl(arg)) {
        if (as) throw new UsageError(`--as ${as} is for a saved file, but ${arg} is a URL: it is opened as it is.`);
        inputs.push({ kind: 'url', url: arg });
      } else if (isArchive(arg)) {
        if (as) throw new UsageError(`--as ${as} is for a saved file, but ${arg} is an archive: its pages keep their own URLs.`);
        inputs.push({ kind: 'archive', path: arg });
      } else {
        if (!as) throw new UsageError(`${arg}: a saved page needs the address it came from. Put --as URL before it, e.g. --as https://www.facebook.com/ ${arg}`);
        inputs.push({ kind: 'file', path: arg, url: as });
        as = undefined;
      }
    }
  }
  if (as) throw new UsageError(`--as ${as} is not followed by a file to serve at that URL.`);
  if (!inputs.length) throw new UsageError('Nothing to scan: give at least one file, URL, archive or --list.');
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!['text', 'json', 'jsonl', 'csv'].includes(format)) throw new UsageError(`--format is text, json, jsonl or csv, not ${JSON.stringify(format)}.`);
  if (values.json && values.format && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} disagree.`);
  if (values.resume && !values.output) throw new UsageError('--resume needs --output FILE: the pages already in it are skipped.');
  if (values.resume && format !== 'jsonl') throw new UsageError('--resume works with --format jsonl, whose file holds every page as it finishes.');
  let shard: Shard;
  try {
    shard = parseShard(values.shard ?? '0/1');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    format: format as Format,
    inputs,
    jobs: count('jobs', values.jobs, 1, 1),
    shard,
    output: values.output,
    resume: values.resume ?? false,
    quietMs: count('wait', values.wait, 2_000, 0),
    timeoutMs: count('timeout', values.timeout, 30_000, 1_000),
  };
}

export function parseMergeArgs(argv: string[]): MergeOptions {
  const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) throw new UsageError('');
  if (!positionals.length) throw new UsageError('merge: name the shard outputs to join.');
  return { files: positionals, output: values.output };
}

export const isArchive = (path: string) => /\.(warc|warc\.gz|wacz)$/i.test(path);

type Config = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** Node's parser, with its own errors (unknown option, missing value) turned into usage errors. */
function parse<O extends Config>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
