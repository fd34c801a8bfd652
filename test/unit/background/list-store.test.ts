import { describe, expect, it } from 'vitest';
import { openLedgerDB } from '@/background/db/migrations';
import { diffImport, installBundled, readList, writeImport } from '@/background/db/list-store';
import { bundledFromDisk, sampleArrangement } from '../fixtures';

describe('the stored list', () => {
  it('keeps what the user imported when the bundled list is updated, and drops it on reset', async () => {
    const db = await openLedgerDB(`store-${Math.random()}`);
    const bundled = await bundledFromDisk();
    await installBundled(db, { ...bundled, version: 'v1', arrangements: [sampleArrangement({ id: 'old-bundled' }), sampleArrangement({ id: 'shared' })] }, 'update');
    await writeImport(db, { version: 'mine', arrangements: [sampleArrangement({ id: 'mine' }), sampleArrangement({ id: 'shared', title: 'My correction' })] });

    await installBundled(db, { ...bundled, version: 'v2', arrangements: [sampleArrangement({ id: 'new-bundled' }), sampleArrangement({ id: 'shared' })] }, 'update');
    let list = await readList(db);
    expect(list.arrangements.map((a) => a.id).sort()).toEqual(['mine', 'new-bundled', 'shared']);
    expect(list.arrangements.find((a) => a.id === 'shared')!.title).toBe('My correction');

    await installBundled(db, { ...bundled, version: 'v2', arrangements: [sampleArrangement({ id: 'new-bundled' })] }, 'reset');
    list = await readList(db);
    expect(list.arrangements.map((a) => a.id)).toEqual(['new-bundled']);
    expect(list.version).toBe('v2');
  });

  it('previews what an import adds and changes', () => {
    const current = { arrangements: [sampleArrangement({ id: 'a' }), sampleArrangement({ id: 'b' })], entities: [], rules: [] };
    const changes = diffImport(current, {
      version: 'x',
      arrangements: [sampleArrangement({ id: 'a' }), sampleArrangement({ id: 'b', status: 'ended' }), sampleArrangement({ id: 'c' })],
    });
    expect(changes.added.arrangements).toEqual(['c']);
    expect(changes.changed.arrangements).toEqual(['b']);
    expect(changes.unchanged).toBe(1);
  });
});
