import { i18n } from '#i18n';
import type { Detection } from '@/utils/model/detection';
import { FEATURE_LABELS, listOf } from '../../utils/i18n';

interface Props {
  detections: readonly Detection[];
  /** Rules whose detections a known arrangement explains. */
  explained: ReadonlySet<string>;
  name(id: string): string;
}

/** What was seen on the page, including features no known arrangement covers: those say so, and nothing is invented. */
export function DetectionList({ detections, explained, name }: Props) {
  return (
    <section class="detected" aria-labelledby="detected-heading">
      <h2 id="detected-heading">{i18n.t('detections.heading')}</h2>
      <ul class="detections">
        {detections.map((d) => (
          <li key={`${d.ruleId}|${d.partners.join()}`} data-rule={d.ruleId} class={explained.has(d.ruleId) ? 'explained' : 'unexplained'}>
            {d.partners.length ? i18n.t('detections.withPartners', { feature: FEATURE_LABELS[d.feature], partners: listOf(d.partners.map(name)) }) : FEATURE_LABELS[d.feature]}
            {!explained.has(d.ruleId) && <span class="unknown"> {i18n.t('detections.unknown')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
