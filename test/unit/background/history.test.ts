import { describe, expect, it } from 'vitest';
import { openLedgerDB } from '@/background/db/migrations';
import { pruneHistory, readHistory, recordPageView } from '@/background/history';

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

describe('local history', () => {
  it('counts feature kinds per day and platform, without URLs unless given', async () => {
    const db = await openLedgerDB(`history-${Math.random()}`);
    await recordPageView(db, { platform: 'facebook', features: ['checkout', 'p2p-payments'], now: day('2026-11-20') });
    await recordPageView(db, { platform: 'facebook', features: ['checkout'], now: day('2026-11-20') });
    const rows = await readHistory(db);
    expect(rows).toEqual([
      { day: '2026-11-20', platform: 'facebook', feature: 'checkout', count: 2 },
      { day: '2026-11-20', platform: 'facebook', feature: 'p2p-payments', count: 1 },
    ]);
  });

  it('keeps only the chosen number of days, and nothing for 0', async () => {
    const db = await openLedgerDB(`history-${Math.random()}`);
    for (const d of ['2026-10-01', '2026-11-10', '2026-11-22'])
      await recordPageView(db, { platform: 'x', features: ['tipping'], now: day(d) });
    await pruneHistory(db, 30, day('2026-11-23'));
    expect((await readHistory(db)).map((r) => r.day)).toEqual(['2026-11-10', '2026-11-22']);
    await pruneHistory(db, 0, day('2026-11-23'));
    expect(await readHistory(db)).toEqual([]);
  });
});
