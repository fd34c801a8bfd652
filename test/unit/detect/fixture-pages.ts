import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const FIXTURE_ROOT = join(process.cwd(), 'test', 'fixtures', 'pages');

/** A saved page and the promise its first-line header makes about what detection finds in it. */
export interface FixturePage {
  /** Path below test/fixtures/pages, e.g. "messenger/thread-plain.html". */
  name: string;
  /** The real address the page is served at; routes and the platform are read from it. */
  url: string;
  fires: string[];
  /** Rule ids that must not fire, or 'all' for a page where nothing may fire. */
  quiet: string[] | 'all';
  html: string;
}

const HEADER = /^<!-- ledgerlight-fixture: url=(https:\/\/\S+) fires=(\S*) quiet=(\S*) -->\n/;

export function parseFixture(name: string, html: string): FixturePage {
  const header = HEADER.exec(html);
  if (!header) throw new Error(`${name}: the first line must be <!-- ledgerlight-fixture: url=https://... fires=... quiet=... -->`);
  const ids = (list: string) => list.split(',').filter(Boolean);
  return { name, url: header[1]!, fires: ids(header[2]!), quiet: header[3] === 'all' ? 'all' : ids(header[3]!), html };
}

/** Every fixture page, one folder per platform, in a stable order. */
export function readFixturePages(root = FIXTURE_ROOT): FixturePage[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
  return files.map((file) => parseFixture(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8')));
}
