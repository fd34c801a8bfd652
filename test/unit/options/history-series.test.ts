import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '@/utils/model/history';
import { dailyTotals, historyCsv, historyJson } from '@/components/options/history-series';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const rows: HistoryRow[] = [
  { day: '2026-11-23', platform: 'messenger', feature: 'p2p-payments', count: 2 },
  { day: '2026-11-23', platform: 'facebook', feature: 'checkout', count: 1 },
  { day: '2026-11-21', platform: 'facebook', feature: 'p2p-payments', count: 4, urls: ['https://www.facebook.com/a,b', 'https://www.facebook.com/"q"'] },
  { day: '2026-10-01', platform: 'facebook', feature: 'checkout', count: 9 },
];

describe('history series', () => {
  it('gives one total per day of the period, quiet days included as zero', () => {
    expect(dailyTotals(rows, {}, 3, NOW)).toEqual([
      { day: '2026-11-21', count: 4 },
      { day: '2026-11-22', count: 0 },
      { day: '2026-11-23', count: 3 },
    ]);
  });

  it('counts only the chosen feature kind and platform', () => {
    expect(dailyTotals(rows, { feature: 'p2p-payments' }, 3, NOW).map((d) => d.count)).toEqual([4, 0, 2]);
    expect(dailyTotals(rows, { platform: 'facebook', feature: 'checkout' }, 3, NOW).map((d) => d.count)).toEqual([0, 0, 1]);
  });

  it('exports CSV a spreadsheet reads back: newest first, quoted where needed', () => {
    const lines = historyCsv(rows).split('\r\n');
    expect(lines[0]).toBe('day,platform,feature,count,urls');
    expect(lines[1]).toBe('2026-11-23,facebook,checkout,1,');
    expect(lines[3]).toBe('2026-11-21,facebook,p2p-payments,4,"https://www.facebook.com/a,b https://www.facebook.com/""q"""');
    expect(lines).toHaveLength(6);
  });

  it('exports JSON with the same rows', () => {
    const parsed = JSON.parse(historyJson(rows));
    expect(parsed.format).toBe(1);
    expect(parsed.rows.map((r: HistoryRow) => r.day)).toEqual(['2026-11-23', '2026-11-23', '2026-11-21', '2026-10-01']);
  });
});
