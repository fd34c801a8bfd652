import { i18n } from '#i18n';
import type { Failure } from '@/utils/protocol';

/**
 * A failure from the background, in the user's language. The background sends a code; the
 * detail it may add (a file's problem, an exception's message) is the list's or the browser's
 * own English and is appended as it came.
 */
export function failureText(failure: Pick<Failure, 'error' | 'detail'>): string {
  const detail = failure.detail ?? '';
  switch (failure.error) {
    case 'refused':
      return i18n.t('error.refused');
    case 'not-understood':
      return i18n.t('error.notUnderstood', [detail]);
    case 'no-room':
      return i18n.t('error.noRoom');
    case 'failed':
      return i18n.t('error.failed', [detail]);
    case 'database-blocked':
      return i18n.t('error.databaseBlocked');
    case 'no-answer':
      return i18n.t('error.noAnswer', [detail]);
    case 'list-refused':
      return i18n.t('error.listRefused', [detail]);
  }
}
