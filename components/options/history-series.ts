import type { HistoryRow } from '@/utils/model/history';
import { dayOf } from '@/utils/model/history';

export interface HistoryFilter {
  feature?: string;
  platform?: string;
}

export interface DayTotal {
  day: string;
  count: number;
}

const DAY_MS = 86_400_000;

export function matchesFilter(row: HistoryRow, filter: HistoryFilter): boolean {
  return (!filter.feature || row.feature === filter.feature) && (!filter.platform || row.platform === filter.platform);
}

/**
 * One total per day over the kept period, ending today. Days with nothing seen are present with
 * a zero, so the chart's gaps are real quiet days rather than missing bars.
 */
export function dailyTotals(rows: readonly HistoryRow[], filter: HistoryFilter, days: number, now: number): DayTotal[] {
  const totals = new Map<string, number>();
  for (const row of rows) if (matchesFilter(row, filter)) totals.set(row.day, (totals.get(row.day) ?? 0) + row.count);
  const series: DayTotal[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const day = dayOf(now - back * DAY_MS);
    series.push({ day, count: totals.get(day) ?? 0 });
  }
  return series;
}

const CSV_COLUMNS = ['day', 'platform', 'feature', 'count', 'urls'] as const;

/** RFC 4180 CSV, one row per day, platform and feature kind; URLs (only when opted in) space-separated. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of sortRows(rows)) lines.push([row.day, row.platform, row.feature, String(row.count), (row.urls ?? []).join(' ')].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function historyJson(rows: readonly HistoryRow[]): string {
  return JSON.stringify({ format: 1, rows: sortRows(rows) }, null, 2);
}

/** Newest day first, then platform and feature, so exports and the table read the same way. */
export function sortRows(rows: readonly HistoryRow[]): HistoryRow[] {
  return [...rows].sort((a, b) => b.day.localeCompare(a.day) || a.platform.localeCompare(b.platform) || a.feature.localeCompare(b.feature));
}

function csvField(value: string): string {
  // A spreadsheet runs a cell that starts with = + - or @ as a formula; a leading quote keeps it text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
