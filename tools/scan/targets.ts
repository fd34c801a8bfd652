import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openArchive, type Archive } from './archive';
import { isArchive, type Input } from './options';

/**
 * One page to scan. `input` names it the way a list line would ("URL", "FILE URL" or
 * "ARCHIVE URL"): it is what `--resume` recognises a finished page by, and it is in the output.
 */
export type Target = { input: string; url: string } & (
  | { kind: 'file'; path: string }
  | { kind: 'url' }
  | { kind: 'archived'; archive: Archive }
  /** An input that yields no page to open (an archive that cannot be read): reported as it is. */
  | { kind: 'unreadable'; error: string }
);

export interface Targets {
  targets: Target[];
  /** Closes the archives that were opened. */
  close(): Promise<void>;
}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** Every page the inputs name, in command-line order, archives and lists expanded in place. */
export async function expandInputs(inputs: Input[]): Promise<Targets> {
  const targets: Target[] = [];
  const archives: Archive[] = [];
  const add = async (input: Input) => {
    if (input.kind === 'url') targets.push({ kind: 'url', input: input.url, url: input.url });
    else if (input.kind === 'file') targets.push({ kind: 'file', input: `${input.path} ${input.url}`, path: input.path, url: input.url });
    else if (input.kind === 'archive') {
      try {
        const archive = await openArchive(input.path);
        archives.push(archive);
        for (const url of archive.pages) targets.push({ kind: 'archived', input: `${input.path} ${url}`, url, archive });
      } catch (error) {
        targets.push({ kind: 'unreadable', input: input.path, url: input.path, error: `unreadable archive: ${(error as Error).message}` });
      }
    } else for (const line of readList(input.path)) await add(line);
  };
  for (const input of inputs) await add(input);
  return { targets, close: () => Promise.all(archives.map((a) => a.close())).then(() => undefined) };
}

/**
 * A list file: one input a line, "URL", "ARCHIVE" or "FILE URL"; blank lines and lines starting
 * with # are skipped. Paths are read from the list's own folder, so a list travels with its pages.
 */
export function readList(path: string): Input[] {
  if (!existsSync(path)) throw new Error(`no such list: ${path}`);
  const folder = dirname(path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line, i): Input => {
      const [first, second, ...rest] = line.split(/\s+/) as [string, string?, ...string[]];
      const bad = () => new Error(`${path}:${i + 1}: a line is "URL", "ARCHIVE" or "FILE URL", not ${JSON.stringify(line)}`);
      if (rest.length) throw bad();
      if (isUrl(first) && second === undefined) return { kind: 'url', url: first };
      if (second === undefined && isArchive(first)) return { kind: 'archive', path: resolve(folder, first) };
      if (second !== undefined && isUrl(second) && !isUrl(first)) return { kind: 'file', path: resolve(folder, first), url: second };
      throw bad();
    });
}
