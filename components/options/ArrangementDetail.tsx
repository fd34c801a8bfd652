import { useEffect, useRef } from 'preact/hooks';
import type { Arrangement } from '@/utils/model/arrangement';
import { DATA_LABELS, FEATURE_LABELS, listOf } from '../../utils/i18n';
import { findingSentence } from '../arrangement/sentence';
import { partialDate } from '../arrangement/dates';
import { StatusLine } from '../arrangement/StatusLine';
import { ScoreList } from '../arrangement/ScoreList';
import { SourceList } from '../arrangement/SourceList';
import { ControlLink } from '../arrangement/ControlLink';
import { t } from './text';

interface Props {
  arrangement: Arrangement;
  /** Entity names by id; an id with no name is shown as itself. */
  names: ReadonlyMap<string, string>;
  onClose(): void;
}

/** Everything the list says about one arrangement, read-only, with every claim next to its source. */
export function ArrangementDetail({ arrangement: a, names, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening moves focus to the entry, so keyboard and screen-reader users land where the content is.
  useEffect(() => heading.current?.focus(), [a.id]);
  const name = (id: string) => (id === 'any' ? t('options.detail.anySite') : (names.get(id) ?? id));

  return (
    <article class="arrangement-detail" aria-labelledby="arrangement-detail-title" data-arrangement={a.id}>
      <button type="button" onClick={onClose}>
        {t('options.detail.back')}
      </button>
      <h3 id="arrangement-detail-title" tabIndex={-1} ref={heading} lang="en">
        {a.title}
      </h3>
      <p class="sentence">{findingSentence(a, name)}</p>
      <StatusLine arrangement={a} />
      <p lang="en">{a.summary}</p>
      <dl class="facts">
        <dt>{t('options.detail.platform')}</dt>
        <dd>{name(a.platform)}</dd>
        <dt>{t('options.detail.partners')}</dt>
        <dd>{listOf(a.partners.map(name))}</dd>
        <dt>{t('options.detail.features')}</dt>
        <dd>{listOf(a.features.map((f) => FEATURE_LABELS[f]))}</dd>
        <dt>{t('options.detail.regions')}</dt>
        <dd>{listOf(a.regions)}</dd>
        <dt>{t('options.detail.reviewed')}</dt>
        <dd>{partialDate(a.lastReviewed)}</dd>
      </dl>
      <h4>{t('options.detail.flows')}</h4>
      <ul class="flows">
        {a.flows.map((flow, i) => (
          <li key={i} class="flow">
            {t('options.detail.flow', [name(flow.from), name(flow.to), listOf(flow.data.map((d) => DATA_LABELS[d]))])} <span lang="en">{flow.purpose}</span>
          </li>
        ))}
      </ul>
      <ScoreList id={a.id} scores={a.scores} />
      {a.statements.length > 0 && (
        <>
          <h4>{t('options.detail.statements')}</h4>
          <ul>
            {a.statements.map((s, i) => (
              <li key={i}>
                <strong>{name(s.by)}</strong> ({s.kind}): <span lang="en">{s.text}</span> <SourceRef arrangement={a} index={s.source} />
              </li>
            ))}
          </ul>
        </>
      )}
      {a.userControls.length > 0 && (
        <>
          <h4>{t('options.detail.controls')}</h4>
          <ul>
            {a.userControls.map((c, i) => (
              <li key={i}>
                <ControlLink control={c} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('options.detail.sources')}</h4>
      <SourceList sources={a.sources} />
    </article>
  );
}

function SourceRef({ arrangement, index }: { arrangement: Arrangement; index: number }) {
  const source = arrangement.sources[index];
  return source ? <span class="source-ref">{t('options.detail.sourceRef', [String(index + 1), source.publisher])}</span> : null;
}
