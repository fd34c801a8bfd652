import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TabReport } from '@/utils/model/tab-report';
import type { Transport } from '@/utils/transport';
import type { Status } from '@/utils/model/vocabulary';
import { FindingCard } from './FindingCard';
import { DetectionList } from './DetectionList';
import { failureText } from '../failure-text';
import { FirmDirection } from './FirmDirection';

/**
 * Cards built for the first frame: a popup is at most 600 px tall and a card 600 to 700 px, so the
 * first screen shows the summary and part of one card.
 */
const FIRST_CARDS = 1;

/** What affects the user today comes first; what ended or never happened comes last. */
const CURRENT_FIRST: readonly Status[] = ['active', 'under-investigation', 'fined', 'reported', 'proposed', 'settled', 'ended', 'declined'];

interface Props {
  transport: Transport;
  tabId: number | undefined;
  /** Opens the options page; the entrypoint supplies it so this component never touches browser.*. */
  onOpenOptions(): void;
  /** Opens the options page with this tab's site filled in, ready to add (the entrypoint knows the tab's address). */
  onAddSite(): void;
  /** The tab's report as the background saved it, read before the first render: then nothing needs asking. */
  saved?: TabReport;
}

export function Popup({ transport, tabId, onOpenOptions, onAddSite, saved }: Props) {
  const [report, setReport] = useState<TabReport | null>(saved ?? null);
  const [error, setError] = useState<string | null>(null);

  const load = (id: number) => transport['tab:report']({ tabId: id }).then((r) => (r.ok ? setReport(r.value) : setError(failureText(r))));
  // Asked before the first paint rather than after it: the answer is what the popup is for.
  useLayoutEffect(() => {
    if (tabId === undefined) setError(i18n.t('popup.noTab'));
    else if (!saved) void load(tabId);
  }, [tabId]);

  const resume = async () => {
    const current = await transport['settings:get'](undefined);
    const saved = current.ok ? await transport['settings:set']({ ...current.value, paused: false }) : current;
    if (!saved.ok) return setError(failureText(saved));
    if (tabId !== undefined) await load(tabId);
  };

  return (
    <main class="popup" aria-busy={!report && !error}>
      <header class="popup-header">
        <h1 class="title">{i18n.t('popup.title')}</h1>
        <button type="button" class="link-button" onClick={onOpenOptions}>
          {i18n.t('popup.openOptions')}
        </button>
      </header>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : !report ? (
        <p>{i18n.t('popup.loading')}</p>
      ) : (
        <TabContent report={report} onAddSite={onAddSite} onResume={resume} />
      )}
    </main>
  );
}

function TabContent({ report, onAddSite, onResume }: { report: TabReport; onAddSite(): void; onResume(): void }) {
  if (report.paused)
    return (
      <div class="state" data-state="paused">
        <p data-testid="summary" class="summary">
          {i18n.t('popup.paused')}
        </p>
        <button type="button" onClick={onResume}>
          {i18n.t('popup.resume')}
        </button>
      </div>
    );
  if (!report.watched)
    return (
      <div class="state" data-state="not-watched">
        <p data-testid="summary" class="summary">
          {i18n.t('popup.notWatched')}
        </p>
        <p class="hint">{i18n.t('popup.notWatchedHint')}</p>
        <button type="button" onClick={onAddSite}>
          {i18n.t('popup.addSite')}
        </button>
      </div>
    );
  const unread = report.unread && <p class="hint">{i18n.t('popup.unread')}</p>;
  if (!report.detections.length)
    return (
      <>
        <p data-testid="summary" class="summary" data-state="nothing-found">
          {i18n.t('popup.nothingFound')}
        </p>
        {unread}
      </>
    );

  const name = (id: string) => (id === 'any' ? i18n.t('anySite') : (report.entities[id]?.name ?? id));
  // A finding whose arrangement left the list since matching is no longer known: its detection says so below.
  const known = report.findings
    .filter((f) => report.arrangements[f.arrangementId])
    .sort((a, b) => CURRENT_FIRST.indexOf(report.arrangements[a.arrangementId]!.status) - CURRENT_FIRST.indexOf(report.arrangements[b.arrangementId]!.status));
  const explained = new Set(known.flatMap((f) => f.ruleIds));
  const features = new Set(report.detections.map((d) => d.feature)).size;
  return (
    <>
      <p class="summary" data-testid="summary">
        {i18n.t('popup.summary', { features: i18n.t('popup.features', features), arrangements: i18n.t('popup.arrangements', known.length) })}
      </p>
      {report.firm && <FirmDirection report={report} name={name} />}
      {unread}
      {known.length > 0 && <FindingList findings={known} report={report} name={name} />}
      <DetectionList detections={report.detections} explained={explained} name={name} />
    </>
  );
}

/**
 * The finding cards, the first screenful in the first frame and the rest right after it is
 * painted: building all of a busy page's cards (about seventy elements each) before anything
 * shows kept the popup blank for longer than it takes to read its first line.
 */
function FindingList({ findings, report, name }: { findings: TabReport['findings']; report: TabReport; name(id: string): string }) {
  const [all, setAll] = useState(findings.length <= FIRST_CARDS);
  // Effects run after the browser has painted: the rest arrive in the next task.
  useEffect(() => setAll(true), []);
  return (
    <ul class="findings" aria-label={i18n.t('popup.findingsHeading')}>
      {(all ? findings : findings.slice(0, FIRST_CARDS)).map((f) => (
        <li key={f.arrangementId}>
          <FindingCard finding={f} arrangement={report.arrangements[f.arrangementId]!} name={name} />
        </li>
      ))}
    </ul>
  );
}
