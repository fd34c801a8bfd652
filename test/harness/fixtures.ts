import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A saved page and what detection must (and must not) make of it, read from its first-line header. */
export interface Fixture {
  file: string;
  url: string;
  fires: string[];
  /** Rule ids that must not fire; 'all' means nothing may fire. */
  quiet: string[] | 'all';
  html: string;
}

const HEADER = /^<!--\s*ledgerlight-fixture:\s*url=(\S+)\s+fires=(\S*)\s+quiet=(\S*)\s*-->/;

export function readFixture(file: string): Fixture {
  const html = readFileSync(file, 'utf8');
  const header = HEADER.exec(html);
  if (!header) throw new Error(`${file} has no ledgerlight-fixture header`);
  const list = (s: string) => s.split(',').filter(Boolean);
  return { file, url: header[1]!, fires: list(header[2]!), quiet: header[3] === 'all' ? 'all' : list(header[3]!), html };
}

/** Every fixture below a folder, in a stable order. */
export function readFixtures(dir: string): Fixture[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) files.push(path);
    }
  };
  walk(dir);
  return files.map(readFixture);
}

export const fixtureName = (f: Fixture, root: string) => relative(root, f.file);
