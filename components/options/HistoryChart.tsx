import type { DayTotal } from './history-series';
import { t } from './text';

const BAR_GAP = 2;
const HEIGHT = 120;
const LABEL_SPACE = 16;
/** Drawn at this width and scaled as a whole, so the day labels keep their shape. */
const WIDTH = 600;

/**
 * Daily totals as inline SVG bars. The picture is one image with a spoken summary; the exact
 * numbers are in the table beside it, which is what screen readers and copy-paste should use.
 */
export function HistoryChart({ series, summaryId }: { series: DayTotal[]; summaryId: string }) {
  const max = Math.max(1, ...series.map((d) => d.count));
  const barWidth = WIDTH / series.length - BAR_GAP;
  return (
    <svg
      class="history-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT + LABEL_SPACE}`}
      role="img"
      aria-labelledby={summaryId}
      focusable="false"
    >
      <line class="axis" x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} />
      {series.map((d, i) => {
        const h = (d.count / max) * (HEIGHT - 4);
        return (
          <rect key={d.day} class="bar" x={i * (barWidth + BAR_GAP)} y={HEIGHT - h} width={barWidth} height={h} data-day={d.day} data-count={d.count}>
            <title>{t('options.history.barTitle', [d.day, String(d.count)])}</title>
          </rect>
        );
      })}
      <text class="tick" x="0" y={HEIGHT + LABEL_SPACE - 3}>
        {series[0]?.day}
      </text>
      <text class="tick" x={WIDTH} y={HEIGHT + LABEL_SPACE - 3} text-anchor="end">
        {series.at(-1)?.day}
      </text>
    </svg>
  );
}

/** One sentence a screen reader says for the chart: the period, the total and the busiest day. */
export function describeSeries(series: DayTotal[]): string {
  const total = series.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return t('options.history.chartEmpty', [String(series.length)]);
  const busiest = series.reduce((best, d) => (d.count > best.count ? d : best));
  return t('options.history.chartSummary', [String(total), String(series.length), busiest.day, String(busiest.count)]);
}
