import type { TabReport } from '@/utils/messages';
import { FEATURE_LABELS } from './labels';

/** What was seen on the page, including features no known arrangement covers: never invent one. */
export function DetectionList({ report }: { report: TabReport }) {
  if (!report.detections.length) return report.watched ? <p class="empty">No bank-linked feature found on this page.</p> : null;
  const matched = new Set(report.findings.flatMap((f) => f.ruleIds));
  return (
    <section aria-labelledby="detected-heading">
      <h2 id="detected-heading">Detected on this page</h2>
      <ul class="detections">
        {report.detections.map((d) => (
          <li key={`${d.ruleId}|${d.partners.join()}`} data-rule={d.ruleId}>
            {FEATURE_LABELS[d.feature]}
            {d.partners.length ? ` (${d.partners.map((p) => report.entities[p]?.name ?? p).join(', ')})` : ''}
            {matched.has(d.ruleId) ? '' : ' — no known arrangement for this feature'}
          </li>
        ))}
      </ul>
    </section>
  );
}
