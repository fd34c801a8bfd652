import { i18n } from '#i18n';
import { ControlLink } from '../arrangement/ControlLink';
import type { Action, Row } from './relevance';
import { RequestForm } from './RequestForm';

/** The first screen holds the best two; a third would push the findings out of it. */
const SHOWN = 2;

/** The page's most protective real actions first (an opt-out, a settings page), then a request letter to whoever receives the most. */
export function WhatYouCanDo({ actions, letterFor, name }: { actions: readonly Action[]; letterFor: Row | undefined; name(id: string): string }) {
  if (!actions.length && !letterFor) return null;
  return (
    <section class="actions" aria-labelledby="actions-heading" data-testid="actions">
      <h2 id="actions-heading">{i18n.t('actions.heading')}</h2>
      {actions.length > 0 ? (
        <ul class="controls">
          {actions.slice(0, SHOWN).map(({ control }) => (
            <li key={control.url} data-kind={control.kind}>
              <ControlLink control={control} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{i18n.t('actions.noControl')}</p>
      )}
      {letterFor && <RequestForm arrangement={letterFor.arrangement} name={name} />}
    </section>
  );
}
