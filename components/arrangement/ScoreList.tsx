import { i18n } from '#i18n';
import type { Scores } from '@/utils/model/arrangement';
import { SCORE_DIMENSIONS } from '@/utils/model/vocabulary';
import { SCORE_LABELS } from '../../utils/i18n';

/** The four dimensions as bars, each with the reason behind its value. The number is text; the bar only repeats it. */
export function ScoreBars({ id, scores }: { id: string; scores: Scores }) {
  return (
    <section class="scores" aria-labelledby={`scores-${id}`}>
      <h3 id={`scores-${id}`}>{i18n.t('finding.scoresHeading')}</h3>
      <p class="hint">{i18n.t('finding.scoresScale')}</p>
      <ul>
        {SCORE_DIMENSIONS.map((dimension) => {
          const { value, reason } = scores[dimension];
          return (
            <li key={dimension} class="score" data-score={dimension}>
              <span class="score-label">{SCORE_LABELS[dimension]}</span>
              <span class="score-bar" aria-hidden="true">
                <span class={`score-fill level-${value}`} style={{ width: `${(value / 4) * 100}%` }} />
              </span>
              <span class="score-value">{i18n.t('finding.scoreValue', [value])}</span>
              <p class="score-reason">{reason}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
