import { describe, expect, it } from 'vitest';
import { parseListFile } from '@/utils/list-file';
import { sampleArrangement } from '../fixtures';
import { ledgerUnderTest, listFile } from '../ledger-under-test';

const nested = (depth: number) => `{"format":1,"version":"1","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/** Each bad file, and the words the refusal must contain so the user knows what to fix. */
const BAD_FILES: [string, () => string, RegExp][] = [
  ['invalid JSON', () => '{"format": 1, "version": "2026.12.01", arrangements: []}', /not valid JSON/],
  ['an empty file', () => '', /not valid JSON/],
  ['a list that is an array', () => '[]', /does not match the format/],
  ['a missing version', () => '{"format":1}', /version/],
  ['arrangements that are not a list', () => listFile({ arrangements: { id: 'x' } }), /arrangements/],
  ['an unknown format version', () => listFile({ format: 2 }), /list format 2; this version of Ledgerlight reads format 1/],
  ['a __proto__ key', () => '{"format":1,"version":"1","__proto__":{"polluted":true}}', /"__proto__" is not allowed/],
  ['a constructor key deep inside an arrangement', () => listFile({ arrangements: [{ ...sampleArrangement({ id: 'a' }), scores: { constructor: { prototype: { polluted: true } } } }] }), /arrangements\[0\]\.scores\.constructor/],
  ['nesting deeper than the limit', () => nested(40), /nesting deeper than 12 levels/],
  ['nesting far deeper than any parser stack', () => nested(200_000), /nesting deeper than 12 levels|not valid JSON/],
  ['a 30 MB file', () => listFile({ arrangements: [sampleArrangement({ id: 'a', summary: 'x'.repeat(30 * 1024 * 1024) })] }), /30\.0 MB; lists up to 16 MB/],
  ['duplicate ids', () => listFile({ arrangements: [sampleArrangement({ id: 'twice' }), sampleArrangement({ id: 'twice' })] }), /duplicate id "twice"/],
  ['a partner nobody has heard of', () => listFile({ arrangements: [sampleArrangement({ id: 'dangling', partners: ['shadow-bank'] })] }), /arrangements "dangling"\.partners\[0\]: unknown entity "shadow-bank"/],
  ['a statement citing a source that is not there', () => listFile({ arrangements: [sampleArrangement({ id: 'uncited', statements: [{ by: 'paypal', kind: 'claim', text: 'We never sell data.', source: 4 }] })] }), /no source number 4/],
  ['a title that is only spaces', () => listFile({ arrangements: [sampleArrangement({ id: 'blank', title: '   ' })] }), /title/],
  ['a source that is not https', () => listFile({ arrangements: [sampleArrangement({ id: 'plain', sources: [{ publisher: 'P', title: 'T', url: 'javascript:alert(1)', published: '2020' }] })] }), /https/],
];

describe('a bad list file changes nothing', () => {
  for (const [what, file, reason] of BAD_FILES) {
    it(`refuses ${what}, says why, and leaves the stored list exactly as it was`, async () => {
      const { ledger } = await ledgerUnderTest();
      await ledger.importList(listFile({ arrangements: [sampleArrangement({ id: 'users-own-entry' })] }));
      const before = await ledger.exportList();
      const text = file();

      const preview = await ledger.previewImport(text);
      const imported = await ledger.importList(text);

      for (const result of [preview, imported]) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect([result.error, result.detail]).toEqual(['list-refused', expect.stringMatching(reason)]);
      }
      expect(await ledger.exportList()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('names up to twenty problems with their place in the file', () => {
    const arrangements = Array.from({ length: 30 }, (_, i) => ({ ...sampleArrangement({ id: `a-${i}` }), status: 'rumoured' }));
    const parsed = parseListFile(listFile({ arrangements }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems).toHaveLength(20);
      expect(parsed.problems[0]!.path).toBe('arrangements[0].status');
    }
  });

  it('accepts a good file that refers to what is already stored, and exports it back', async () => {
    const { ledger } = await ledgerUnderTest();
    const result = await ledger.importList(listFile({ arrangements: [sampleArrangement({ id: 'fb-checkout', partners: ['stripe'] })] }));
    expect(result).toMatchObject({ ok: true, value: { added: { arrangements: ['fb-checkout'] } } });
    const exported = JSON.parse(await ledger.exportList()) as { arrangements: { id: string; partners: string[] }[] };
    expect(exported.arrangements.find((a) => a.id === 'fb-checkout')?.partners).toEqual(['stripe']);
  });
});
