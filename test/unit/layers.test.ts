import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Folders say where code runs (docs/architecture.md): utils is shared by every context and
 * imports only itself; the content script's engine (page), the background and the screens
 * (components) import utils and themselves, never each other; tools never import tests.
 */
const MAY_IMPORT: Record<string, string[]> = {
  utils: ['utils'],
  page: ['page', 'utils'],
  background: ['background', 'utils'],
  components: ['components', 'utils'],
  tools: ['tools', 'utils', 'page', 'background', 'components'],
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(dir, f));
}

/** The top folder a specifier leads to, from the file that imports it; undefined for a package. */
function folderOf(specifier: string, file: string): string | undefined {
  if (specifier.startsWith('@/')) return specifier.slice(2).split('/')[0];
  if (!specifier.startsWith('.')) return undefined;
  return relative('.', normalize(join(dirname(file), specifier))).split('/')[0];
}

describe('folders by where code runs', () => {
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${folder}/ imports only ${allowed.join(', ')}`, () => {
      const crossings: string[] = [];
      for (const file of sourceFiles(folder)) {
        for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
          const target = folderOf(match[1] ?? match[2]!, file);
          if (target !== undefined && !allowed.includes(target)) crossings.push(`${file} imports ${match[1] ?? match[2]}`);
        }
      }
      expect(crossings).toEqual([]);
    });
  }
});
