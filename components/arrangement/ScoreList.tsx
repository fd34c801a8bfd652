import { i18n } from '#i18n';
import type { Scores } from '@/utils/model/arrangement';
import { SCORE_DIMENSIONS } from '@/utils/model/vocabulary';
import { SCORE_LABELS } from '../../utils/i18n';

/**
 * The four dimensions as bars, each with the reason behind its value. The number is text; the bar
 * only repeats it. A score the sources do not give is "unknown", with no bar: drawn as a middle
 * value it would read as a middling practice.
 */
export function ScoreList({ id, scores }: { id: string; scores: Scores }) {
  return (
    <section class="scores" aria-labelledby={`scores-${id}`}>
      <h3 id={`scores-${id}`}>{i18n.t('finding.scoresHeading')}</h3>
      <p class="hint">{i18n.t('finding.scoresScale')}</p>
      <ul>
        {SCORE_DIMENSIONS.map((dimension) => {
          const { value, reason } = scores[dimension];
          return (
            <li key={dimension} class="score" data-score={dimension} data-unknown={value === null || undefined}>
              <span class="score-label">{SCORE_LABELS[dimension]}</span>
              <span class="score-bar" aria-hidden="true">
                {value !== null && <span class={`score-fill level-${value}`} style={{ width: `${(value / 4) * 100}%` }} />}
              </span>
              <span class="score-value">{value === null ? i18n.t('finding.scoreUnknown') : i18n.t('finding.scoreValue', [value])}</span>
              <p class="score-reason" lang="en">
                {reason}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
