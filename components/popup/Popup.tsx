import { useLayoutEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TabReport } from '@/utils/model/tab-report';
import type { Transport } from '@/utils/transport';
import type { FeatureKind } from '@/utils/model/vocabulary';
import { verdictSentence } from '../arrangement/verdict';
import { PageDiagram } from '../arrangement/PageDiagram';
import { DetectionList } from './DetectionList';
import { failureText } from '../failure-text';
import { FindingRow } from './FindingRow';
import { StoryNote } from './StoryNote';
import { WhatYouCanDo } from './WhatYouCanDo';
import { bestActions, rankRows, type Row } from './relevance';
import { FirmDirection } from './FirmDirection';

/** Pages where the founding story (a platform asking banks for their customers' data) is told: where paying or linking a bank happens. */
const STORY_FEATURES: readonly FeatureKind[] = ['p2p-payments', 'checkout', 'payment-settings', 'bank-linking', 'wallet'];

interface Props {
  transport: Transport;
  tabId: number | undefined;
  /** Opens the options page; the entrypoint supplies it so this component never touches browser.*. */
  onOpenOptions(): void;
  /** Opens the options page with this tab's site filled in, ready to add (the entrypoint knows the tab's address). */
  onAddSite(): void;
  /** The tab's report as the background saved it, read before the first render: then nothing needs asking. */
  saved?: TabReport;
  /** The user's country (ISO code) from the browser's language, to put what applies there first. */
  region?: string;
}

export function Popup({ transport, tabId, onOpenOptions, onAddSite, saved, region }: Props) {
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
        <TabContent report={report} transport={transport} region={region} onAddSite={onAddSite} onResume={resume} />
      )}
    </main>
  );
}

function TabContent({ report, transport, region, onAddSite, onResume }: { report: TabReport; transport: Transport; region?: string; onAddSite(): void; onResume(): void }) {
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
      <div class="state" data-state="nothing-found">
        <p data-testid="summary" class="summary">
          {i18n.t('popup.nothingFound')}
        </p>
        <p>{i18n.t('popup.checkedFor')}</p>
        <p class="hint">{i18n.t('popup.wouldShow')}</p>
        {unread}
      </div>
    );

  const name = (id: string) => (id === 'any' ? i18n.t('anySite') : (report.entities[id]?.name ?? id));
  const features = [...new Set(report.detections.map((d) => d.feature))];
  const { primary, secondary } = rankRows(report, region);
  const platform = report.platform;
  return (
    <>
      <h2 class="verdict" data-testid="summary">
        {verdictSentence({ findings: report.findings, arrangements: report.arrangements, features, name })}
      </h2>
      {report.firm && <FirmDirection report={report} name={name} />}
      {unread}
      {platform && <PageDiagram platform={platform.id} owner={platform.owner} arrangements={[...primary, ...secondary].map((r) => r.arrangement)} name={name} />}
      {platform && features.some((f) => STORY_FEATURES.includes(f)) && <StoryNote transport={transport} platform={platform.id} name={name} />}
      <WhatYouCanDo actions={bestActions([...primary, ...secondary])} letterFor={primary[0] ?? secondary[0]} name={name} />
      {primary.length + secondary.length > 0 && <FindingRows primary={primary} secondary={secondary} report={report} name={name} />}
      <DetectionList detections={report.detections} explained={new Set(report.findings.flatMap((f) => f.ruleIds))} name={name} />
    </>
  );
}

/** The findings as one-line rows; past, proposed and "wherever this partner appears" ones behind "Show N more". */
function FindingRows({ primary, secondary, report, name }: { primary: Row[]; secondary: Row[]; report: TabReport; name(id: string): string }) {
  const [more, setMore] = useState(false);
  return (
    <section class="findings" aria-labelledby="findings-heading">
      <h2 id="findings-heading">{i18n.t('popup.findingsHeading')}</h2>
      <p class="hint definition">{i18n.t('popup.arrangementDefined')}</p>
      <ul class="rows">
        {[...primary, ...(more ? secondary : [])].map((row) => (
          <FindingRow key={row.arrangement.id} row={row} name={name} />
        ))}
      </ul>
      {secondary.length > 0 && (
        <button type="button" class="link-button show-more" aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? i18n.t('popup.showFewer') : i18n.t('popup.showMore', secondary.length)}
        </button>
      )}
    </section>
  );
}
