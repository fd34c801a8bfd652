import { useEffect, useState } from 'preact/hooks';
import type { TabReport } from '@/utils/messages';
import type { Transport } from '@/utils/transport';
import { FindingCard } from './FindingCard';
import { DetectionList } from './DetectionList';

export function Popup({ transport, tabId }: { transport: Transport; tabId: number | undefined }) {
  const [report, setReport] = useState<TabReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === undefined) return setError('Ledgerlight could not tell which tab this is.');
    transport['tab:report']({ tabId }).then((r) => (r.ok ? setReport(r.value) : setError(r.error)));
  }, [tabId]);

  if (error) return <main class="popup"><p role="alert" class="error">{error}</p></main>;
  if (!report) return <main class="popup" aria-busy="true"><p>Loading…</p></main>;

  const features = new Set(report.detections.map((d) => d.feature)).size;
  return (
    <main class="popup">
      <h1 class="title">Ledgerlight</h1>
      <p class="summary" data-testid="summary">
        {report.paused
          ? 'Watching is paused. Turn it back on in the options.'
          : !report.watched
            ? 'Ledgerlight is not watching this page.'
            : `${plural(features, 'bank-linked feature')} on this page; ${plural(report.findings.length, 'known arrangement')}.`}
      </p>
      <ul class="findings" aria-label="Known arrangements">
        {report.findings.map((f) => {
          const arrangement = report.arrangements[f.arrangementId];
          return arrangement ? (
            <li key={f.arrangementId}>
              <FindingCard finding={f} arrangement={arrangement} entities={report.entities} />
            </li>
          ) : null;
        })}
      </ul>
      <DetectionList report={report} />
    </main>
  );
}

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
