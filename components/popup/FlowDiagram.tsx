import { i18n } from '#i18n';
import type { DataFlow } from '@/utils/model/arrangement';
import { DATA_LABELS, listOf } from '../../utils/i18n';

/**
 * The parties of an arrangement with one arrow per data flow, labelled with its data categories.
 * One row per flow keeps every label readable at popup width. The picture is one image to a
 * screen reader, named by the same words in text. It is laid out by CSS rather than drawn in
 * SVG: the popup builds every card before its first paint, and SVG elements cost the browser
 * several times what these boxes do.
 */
export function FlowDiagram({ flows, name }: { flows: readonly DataFlow[]; name: (id: string) => string }) {
  const data = flows.map((flow) => listOf(flow.data.map((d) => DATA_LABELS[d])));
  const alt = i18n.t('finding.flowsAlt', {
    flows: listOf(flows.map((flow, i) => i18n.t('finding.flowAlt', { from: name(flow.from), to: name(flow.to), data: data[i]! }))),
  });
  return (
    <div class="flow-diagram" role="img" aria-label={alt}>
      {flows.map((flow, i) => (
        <div key={i} class="flow" aria-hidden="true">
          <span class="party">{name(flow.from)}</span>
          <span class="arrow">
            <span class="flow-data">{data[i]}</span>
          </span>
          <span class="party">{name(flow.to)}</span>
        </div>
      ))}
    </div>
  );
}
