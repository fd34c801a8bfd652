import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Text from pages and list files must reach the screen as text. Preact escapes what it renders;
 * these are the ways around that, and none of them belongs in Ledgerlight's code.
 */
const MARKUP_SINKS = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|\bsrcdoc\b|new Function\s*\(|\beval\s*\(/;
const SOURCE_DIRS = ['components', 'entrypoints', 'utils', 'page', 'background'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

describe('no code renders text as markup', () => {
  const files = SOURCE_DIRS.flatMap(sourceFiles);

  it('looks at the extension’s source', () => {
    expect(files).toContain(join('components', 'popup', 'Popup.tsx'));
    expect(files).toContain(join('entrypoints', 'background.ts'));
  });

  it('catches a markup sink when one is written', () => {
    expect(MARKUP_SINKS.test('<p dangerouslySetInnerHTML={{ __html: a.title }} />')).toBe(true);
    expect(MARKUP_SINKS.test('marker.innerHTML = label;')).toBe(true);
  });

  for (const file of files) {
    it(`${file} has no way to render text as markup`, () => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const offending = lines.map((line, i) => `${i + 1}: ${line.trim()}`).filter((line) => MARKUP_SINKS.test(line));
      expect(offending).toEqual([]);
    });
  }
});
