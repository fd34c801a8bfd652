import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export const FIXTURE_ROOT = join(process.cwd(), 'test', 'fixtures', 'pages');

/** A saved page and the promise its first-line header makes about what detection finds in it. */
export interface FixturePage {
  /** Path below the folder it was read from, e.g. "messenger/thread-plain.html". */
  name: string;
  /** Where the file is, for tools that take a path (the scanner). */
  file: string;
  /** The real address the page is served at; routes and the platform are read from it. */
  url: string;
  fires: string[];
  /** Rule ids that must not fire, or 'all' for a page where nothing may fire. */
  quiet: string[] | 'all';
  html: string;
}

const HEADER = /^<!-- ledgerlight-fixture: url=(https:\/\/\S+) fires=(\S*) quiet=(\S*) -->\n/;

export function parseFixture(name: string, html: string, file = name): FixturePage {
  const header = HEADER.exec(html);
  if (!header) throw new Error(`${name}: the first line must be <!-- ledgerlight-fixture: url=https://... fires=... quiet=... -->`);
  const ids = (list: string) => list.split(',').filter(Boolean);
  return { name, file, url: header[1]!, fires: ids(header[2]!), quiet: header[3] === 'all' ? 'all' : ids(header[3]!), html };
}

export function readFixture(file: string): FixturePage {
  return parseFixture(basename(file), readFileSync(file, 'utf8'), file);
}

/** Every fixture page below a folder (one folder per platform for the rule fixtures), in a stable order. */
export function readFixturePages(root = FIXTURE_ROOT): FixturePage[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => parseFixture(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8'), join(root, file)));
}
