import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { BLOCKED, readyOrBlocked } from '@/background/startup';

describe('a database upgrade blocked by an open older connection', () => {
  it('is reported instead of waited on, and the background answers once the upgrade can run', async () => {
    const older = await openDB('blocked-upgrade', 1, { upgrade: (db) => void db.createObjectStore('meta') });
    let signal = () => {};
    const blocked = new Promise<void>((resolve) => (signal = resolve));
    const upgraded = openDB('blocked-upgrade', 2, { upgrade: (db) => void db.createObjectStore('history'), blocked: () => signal() });

    expect(await readyOrBlocked(upgraded, blocked)).toBe(BLOCKED);

    older.close();
    await upgraded;
    const db = await readyOrBlocked(upgraded, blocked);
    expect(db).not.toBe(BLOCKED);
    expect([...(db as Awaited<typeof upgraded>).objectStoreNames].sort()).toEqual(['history', 'meta']);
  });
});
