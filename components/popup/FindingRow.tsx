import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SignalHit } from '@/utils/model/detection';
import { STATUS_LABELS, listOf } from '../../utils/i18n';
import { findingSentence } from '../arrangement/sentence';
import { StatusLine } from '../arrangement/StatusLine';
import { ScoreList } from '../arrangement/ScoreList';
import { SourceList } from '../arrangement/SourceList';
import type { Row } from './relevance';
import { RequestForm } from './RequestForm';
import { ControlLink } from '../arrangement/ControlLink';

const SIGNAL = {
  route: 'signal.route',
  control: 'signal.control',
  selector: 'signal.selector',
  frame: 'signal.frame',
  script: 'signal.script',
  form: 'signal.form',
  link: 'signal.link',
  'entity-page': 'signal.entity_page',
  request: 'signal.request',
} as const satisfies Record<SignalHit['kind'], string>;

interface Props {
  row: Row;
  name(id: string): string;
}

/**
 * One finding as one line (title, status, region), a button that opens the rest: the sentence,
 * why it applies here, the status note, scores, sources and the entry's own controls.
 */
export function FindingRow({ row: { finding: f, arrangement: a }, name }: Props) {
  const [open, setOpen] = useState(false);
  const detailId = `row-${a.id}`;
  return (
    <li class="row" data-arrangement={a.id} data-status={a.status}>
      <button type="button" class="row-button" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
        <span class="row-title" lang="en">
          {a.title}
        </span>
        <span class={`row-status status-${a.status}`}>{STATUS_LABELS[a.status]}</span>
        <span class="row-region">{a.regions.map((r) => (r === 'global' ? i18n.t('row.global') : r)).join(' ')}</span>
      </button>
      {open && (
        <div id={detailId} class="row-detail">
          <p class="sentence">{findingSentence(a, name) || i18n.t('row.noFlow')}</p>
          <p class="because">{i18n.t('row.because', { signals: because(f, name) })}</p>
          <StatusLine arrangement={a} />
          <ScoreList id={a.id} scores={a.scores} />
          <details class="sources">
            <summary>{i18n.t('finding.sourcesHeading', a.sources.length)}</summary>
            <SourceList sources={a.sources} />
          </details>
          {a.userControls.length > 0 && (
            <ul class="controls">
              {a.userControls.map((c, i) => (
                <li key={i} data-kind={c.kind}>
                  <ControlLink control={c} />
                </li>
              ))}
            </ul>
          )}
          <RequestForm arrangement={a} name={name} />
        </div>
      )}
    </li>
  );
}

/**
 * Why the finding applies to this page, in the user's language: the signals matching gave it
 * (background/matching.ts), at most two. Evidence is the page's own text.
 */
function because(f: Row['finding'], name: (id: string) => string): string {
  const parts = f.because.slice(0, 2).map((s) => i18n.t(SIGNAL[s.kind], { evidence: s.evidence }));
  if (f.via === 'any' && f.partners.length) parts.push(i18n.t('row.wherever', { partners: listOf(f.partners.map(name)) }));
  if (f.via === 'owner') parts.push(i18n.t('row.viaOwner'));
  return listOf(parts.length ? parts : [i18n.t('row.matched')]);
}
