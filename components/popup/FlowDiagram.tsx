import { i18n } from '#i18n';
import type { DataFlow } from '@/utils/model/arrangement';
import { DATA_LABELS, listOf } from '../labels';

const WIDTH = 388;
const BOX = 112;
const LINE = 14;
/** Rough characters per line at the diagram's font size; SVG text does not wrap by itself. */
const BOX_CHARS = 15;
const ARROW_CHARS = 26;

/**
 * The parties of an arrangement with one arrow per data flow, labelled with its data categories.
 * One row per flow keeps every label readable at popup width. The picture is one image to a
 * screen reader, described by the same words in text.
 */
export function FlowDiagram({ id, flows, name }: { id: string; flows: readonly DataFlow[]; name: (id: string) => string }) {
  const rows = flows.map((flow) => {
    const from = wrap(name(flow.from), BOX_CHARS);
    const to = wrap(name(flow.to), BOX_CHARS);
    const data = wrap(listOf(flow.data.map((d) => DATA_LABELS[d])), ARROW_CHARS);
    const box = Math.max(36, Math.max(from.length, to.length) * LINE + 14);
    // The label sits above the arrow, so the arrow goes as low as the label needs and the boxes centre on it.
    const arrowAt = Math.max(box / 2, data.length * LINE + 6);
    return { flow, from, to, data, box, arrowAt, height: arrowAt + box / 2 };
  });
  const alt = i18n.t('finding.flowsAlt', {
    flows: listOf(rows.map(({ flow }) => i18n.t('finding.flowAlt', { from: name(flow.from), to: name(flow.to), data: listOf(flow.data.map((d) => DATA_LABELS[d])) }))),
  });
  let y = 0;
  const height = rows.reduce((sum, r) => sum + r.height + 8, 0);
  return (
    <svg class="flow-diagram" role="img" aria-labelledby={`flows-${id}`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
      <title id={`flows-${id}`}>{alt}</title>
      <defs>
        <marker id={`head-${id}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" class="arrow-head" />
        </marker>
      </defs>
      {rows.map((row, i) => {
        const top = y;
        y += row.height + 8;
        const mid = top + row.arrowAt;
        return (
          <g key={i} aria-hidden="true">
            <Party x={0} y={mid - row.box / 2} height={row.box} lines={row.from} />
            <Party x={WIDTH - BOX} y={mid - row.box / 2} height={row.box} lines={row.to} />
            <line x1={BOX + 4} y1={mid} x2={WIDTH - BOX - 4} y2={mid} class="arrow" marker-end={`url(#head-${id})`} />
            <text class="flow-data" x={WIDTH / 2} y={mid - 6 - (row.data.length - 1) * LINE} text-anchor="middle">
              {row.data.map((line, j) => (
                <tspan key={j} x={WIDTH / 2} dy={j ? LINE : 0}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Party({ x, y, height, lines }: { x: number; y: number; height: number; lines: string[] }) {
  const first = y + height / 2 - ((lines.length - 1) * LINE) / 2 + 4;
  return (
    <>
      <rect x={x + 0.5} y={y + 0.5} width={BOX - 1} height={height - 1} rx="6" class="party" />
      <text class="party-name" x={x + BOX / 2} y={first} text-anchor="middle">
        {lines.map((line, j) => (
          <tspan key={j} x={x + BOX / 2} dy={j ? LINE : 0}>
            {line}
          </tspan>
        ))}
      </text>
    </>
  );
}

/** Greedy word wrap by character count; a word longer than a line gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
