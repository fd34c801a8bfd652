/** One printed figure: ours, the naive baseline's where it has one, and where ours stands against its budget. */
export interface Figure {
  name: string;
  ours: number;
  naive?: number;
  unit: 'ms' | '%' | 'KB' | 'pages/min' | 'core-s';
  /** Ours must stay under this; absent for figures printed for context only. */
  budget?: number;
  /** How the figure was taken, so a reader knows how far to trust it. */
  how: string;
}

const format = (value: number | undefined, unit: Figure['unit']) =>
  value === undefined ? '—' : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ${unit}`;

export function verdict(f: Figure): string {
  if (f.budget === undefined) return '';
  return f.ours < f.budget ? 'within' : 'OVER BUDGET';
}

/** A plain-text table that reads well in a terminal and in a CI log. */
export function renderTable(figures: Figure[]): string {
  const rows = [
    ['Figure', 'Ledgerlight', 'Naive', 'Budget', 'Verdict', 'How measured'],
    ...figures.map((f) => [f.name, format(f.ours, f.unit), format(f.naive, f.unit), f.budget === undefined ? '' : `< ${f.budget} ${f.unit}`, verdict(f), f.how]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
};

export const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};
