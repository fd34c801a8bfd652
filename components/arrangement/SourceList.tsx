import { i18n } from '#i18n';
import type { Source } from '@/utils/model/arrangement';
import { partialDate } from './dates';

/** The sources of an entry, each a link a reader can open, with its publisher and date. Titles are the list's own words, in English. */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ol class="source-list">
      {sources.map((s) => (
        <li key={s.url}>
          <a href={s.url} target="_blank" rel="noreferrer noopener" lang="en">
            {s.title}
          </a>
          <span class="source-meta"> — {i18n.t('finding.source', { publisher: s.publisher, date: partialDate(s.published) })}</span>
        </li>
      ))}
    </ol>
  );
}
