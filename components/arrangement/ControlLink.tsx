import { i18n } from '#i18n';
import type { UserControl } from '@/utils/model/arrangement';

const KIND_LABEL = {
  settings: 'actions.control.settings',
  'opt-out': 'actions.control.opt_out',
  'data-request': 'actions.control.data_request',
  info: 'actions.control.info',
} as const satisfies Record<UserControl['kind'], string>;

/** A control from the list: its kind in the user's language, its label and steps in the list's English. */
export function ControlLink({ control }: { control: UserControl }) {
  return (
    <>
      <span class="control-kind">{i18n.t(KIND_LABEL[control.kind])}: </span>
      {control.url ? (
        <a href={control.url} target="_blank" rel="noreferrer noopener" lang="en">
          {control.label}
        </a>
      ) : (
        <span lang="en">{control.label}</span>
      )}
      {control.steps && (
        <span class="control-steps" lang="en">
          {' '}
          — {control.steps}
        </span>
      )}
    </>
  );
}
