import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import type { Finding } from '@/utils/model/finding';
import { STATUS_LABELS, listOf } from '../../utils/i18n';
import { findingSentence } from './sentence';
import { becauseLine } from './because';
import { partialDate } from './dates';
import { FlowDiagram } from './FlowDiagram';
import { ScoreBars } from './ScoreBars';
import { WhatYouCanDo } from './WhatYouCanDo';

interface Props {
  finding: Finding;
  arrangement: Arrangement;
  /** A party's display name from its entity id. */
  name(id: string): string;
}

/** A character no name or message contains, to find where the partners go in a translated line. */
const SLOT = '\u0000';

/** One arrangement that applies to this page: who shares what with whom, how it rates, the sources, and what to do. */
export function FindingCard({ finding, arrangement: a, name }: Props) {
  const [before, after] = i18n.t('finding.parties', { platform: name(a.platform), partners: SLOT }).split(SLOT);
  return (
    <article class="finding" data-arrangement={a.id} aria-labelledby={`t-${a.id}`}>
      <h2 id={`t-${a.id}`}>{a.title}</h2>
      <p class="parties">
        {before}
        <span class="partners">{listOf(a.partners.map(name))}</span>
        {after}
      </p>
      <p class="sentence">{findingSentence(a, name)}</p>
      {finding.because.length > 0 && <p class="because">{becauseLine(finding, name)}</p>}
      {finding.via === 'owner' && <p class="hint">{i18n.t('finding.viaOwner', { owner: name(a.platform) })}</p>}
      <FlowDiagram flows={a.flows} name={name} />
      <ul class="purposes">
        {a.flows.map((flow, i) => (
          <li key={i}>{i18n.t('finding.why', { from: name(flow.from), to: name(flow.to), purpose: flow.purpose })}</li>
        ))}
      </ul>
      <p class="status">
        <strong class={`status-${a.status}`}>{STATUS_LABELS[a.status]}</strong>
        {' · '}
        {i18n.t('finding.since', { date: partialDate(a.since) })}
        {a.until && `, ${i18n.t('finding.until', { date: partialDate(a.until) })}`}
      </p>
      {a.statusNote && <p class="status-note">{a.statusNote}</p>}
      {!a.verified && <p class="unverified">{i18n.t('finding.unverified')}</p>}
      <ScoreBars id={a.id} scores={a.scores} />
      <details class="sources">
        <summary>
          {i18n.t('finding.sourcesHeading')} ({a.sources.length})
        </summary>
        <ul>
          {a.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">
                {s.title}
              </a>
              <span class="source-meta"> — {i18n.t('finding.source', { publisher: s.publisher, date: partialDate(s.published) })}</span>
            </li>
          ))}
        </ul>
      </details>
      <p class="reviewed">{i18n.t('finding.lastReviewed', { date: partialDate(a.lastReviewed) })}</p>
      <WhatYouCanDo arrangement={a} name={name} />
    </article>
  );
}
