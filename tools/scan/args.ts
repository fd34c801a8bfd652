/** One thing to scan: a saved page served at a URL of the user's choosing, or a live URL. */
export type Target = { kind: 'file'; path: string; url: string } | { kind: 'url'; url: string };

export interface ScanOptions {
  json: boolean;
  targets: Target[];
}

export const USAGE = `Usage: npm run scan -- [--json] [--as URL] <file.html|URL>...

Loads the built extension in headless Chromium, opens each page, waits for detection to settle
and prints what Ledgerlight found.

  --json      print {"pages":[...]} instead of a report for people
  --as URL    serve the next file at URL (a saved page needs the address it came from,
              e.g. --as https://www.messenger.com/t/123 saved-thread.html)`;

export class UsageError extends Error {}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** Reads the command line; `--as` applies to the file that follows it, so each file can have its own. */
export function parseArgs(argv: string[]): ScanOptions {
  const options: ScanOptions = { json: false, targets: [] };
  let as: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg === '--as') {
      const url = argv[++i];
      if (!url || !isUrl(url)) throw new UsageError(`--as needs an http(s) URL, got ${url === undefined ? 'nothing' : JSON.stringify(url)}.`);
      as = url;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else if (isUrl(arg)) {
      if (as) throw new UsageError(`--as ${as} is for a saved file, but ${arg} is a URL: it is opened as it is.`);
      options.targets.push({ kind: 'url', url: arg });
    } else {
      if (!as) throw new UsageError(`${arg}: a saved page needs the address it came from. Put --as URL before it, e.g. --as https://www.facebook.com/ ${arg}`);
      options.targets.push({ kind: 'file', path: arg, url: as });
      as = undefined;
    }
  }
  if (as) throw new UsageError(`--as ${as} is not followed by a file to serve at that URL.`);
  if (!options.targets.length) throw new UsageError('Nothing to scan: give at least one file or URL.');
  return options;
}
