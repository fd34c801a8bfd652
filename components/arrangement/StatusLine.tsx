import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import { STATUS_LABELS } from '../../utils/i18n';
import { partialDate } from './dates';

/** "Active · since March 2015", then the list's own note on the status, marked as English. */
export function StatusLine({ arrangement: a }: { arrangement: Pick<Arrangement, 'status' | 'since' | 'until' | 'statusNote' | 'verified'> }) {
  return (
    <>
      <p class="status">
        <strong class={`status-${a.status}`}>{STATUS_LABELS[a.status]}</strong>
        {' · '}
        {i18n.t('finding.since', { date: partialDate(a.since) })}
        {a.until && `, ${i18n.t('finding.until', { date: partialDate(a.until) })}`}
      </p>
      {a.statusNote && (
        <p class="status-note" lang="en">
          {a.statusNote}
        </p>
      )}
      {!a.verified && <p class="unverified">{i18n.t('finding.unverified')}</p>}
    </>
  );
}
