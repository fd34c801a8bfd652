import { useEffect, useRef } from 'preact/hooks';
import type { Arrangement } from '@/utils/model/arrangement';
import { SCORE_DIMENSIONS } from '@/utils/model/vocabulary';
import { DATA_LABELS, FEATURE_LABELS, SCORE_LABELS, STATUS_LABELS } from '../../utils/i18n';
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
      <h3 id="arrangement-detail-title" tabIndex={-1} ref={heading}>
        {a.title}
      </h3>
      <p>{a.summary}</p>
      <dl class="facts">
        <dt>{t('options.detail.platform')}</dt>
        <dd>{name(a.platform)}</dd>
        <dt>{t('options.detail.partners')}</dt>
        <dd>{a.partners.map(name).join(', ')}</dd>
        <dt>{t('options.detail.features')}</dt>
        <dd>{a.features.map((f) => FEATURE_LABELS[f]).join(', ')}</dd>
        <dt>{t('options.detail.regions')}</dt>
        <dd>{a.regions.join(', ')}</dd>
        <dt>{t('options.detail.status')}</dt>
        <dd>
          {STATUS_LABELS[a.status]}, {a.until ? t('options.detail.between', [a.since, a.until]) : t('options.detail.since', [a.since])}
          {a.statusNote ? ` — ${a.statusNote}` : ''}
        </dd>
        <dt>{t('options.detail.reviewed')}</dt>
        <dd>
          {a.lastReviewed}
          {a.verified ? '' : ` · ${t('options.detail.unverified')}`}
        </dd>
      </dl>
      <h4>{t('options.detail.flows')}</h4>
      <ul class="flows">
        {a.flows.map((flow, i) => (
          <li key={i} class="flow">
            {t('options.detail.flow', [name(flow.from), name(flow.to), flow.data.map((d) => DATA_LABELS[d]).join(', ')])} {flow.purpose}
          </li>
        ))}
      </ul>
      <h4>{t('options.detail.scores')}</h4>
      <dl class="scores">
        {SCORE_DIMENSIONS.map((d) => (
          <div key={d} class="score">
            <dt>
              {SCORE_LABELS[d]}: {t('options.detail.scoreValue', [String(a.scores[d].value)])}
            </dt>
            <dd>{a.scores[d].reason}</dd>
          </div>
        ))}
      </dl>
      {a.statements.length > 0 && (
        <>
          <h4>{t('options.detail.statements')}</h4>
          <ul>
            {a.statements.map((s, i) => (
              <li key={i}>
                <strong>{name(s.by)}</strong> ({s.kind}): {s.text} <SourceRef arrangement={a} index={s.source} />
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
                {c.url ? (
                  <a href={c.url} target="_blank" rel="noreferrer noopener">
                    {c.label}
                  </a>
                ) : (
                  c.label
                )}
                {c.steps ? ` — ${c.steps}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('options.detail.sources')}</h4>
      <ol class="sources">
        {a.sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.title}
            </a>{' '}
            — {s.publisher}, {s.published}
          </li>
        ))}
      </ol>
    </article>
  );
}

function SourceRef({ arrangement, index }: { arrangement: Arrangement; index: number }) {
  const source = arrangement.sources[index];
  return source ? <span class="source-ref">{t('options.detail.sourceRef', [String(index + 1), source.publisher])}</span> : null;
}
