import { i18n } from '#i18n';
import type { Arrangement, UserControl } from '@/utils/model/arrangement';
import { RequestForm } from './RequestForm';

const KIND_LABEL = {
  settings: 'actions.control.settings',
  'opt-out': 'actions.control.opt_out',
  'data-request': 'actions.control.data_request',
  info: 'actions.control.info',
} as const satisfies Record<UserControl['kind'], string>;

/** The arrangement's own settings and opt-out pages, then a request the user can send. */
export function WhatYouCanDo({ arrangement, name }: { arrangement: Arrangement; name: (id: string) => string }) {
  const headingId = `actions-${arrangement.id}`;
  return (
    <section class="actions" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t('actions.heading')}</h3>
      {arrangement.userControls.length > 0 && (
        <ul class="controls">
          {arrangement.userControls.map((control, i) => (
            <li key={i} data-kind={control.kind}>
              <span class="control-kind">{i18n.t(KIND_LABEL[control.kind])}: </span>
              {control.url ? (
                <a href={control.url} target="_blank" rel="noreferrer noopener">
                  {control.label}
                </a>
              ) : (
                control.label
              )}
              {control.steps && <span class="control-steps"> — {control.steps}</span>}
            </li>
          ))}
        </ul>
      )}
      <RequestForm arrangement={arrangement} name={name} />
    </section>
  );
}
