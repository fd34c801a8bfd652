import type { Arrangement } from '@/utils/model/arrangement';
import type { Finding } from '@/utils/matching';
import type { TabReport } from '@/utils/messages';
import { DATA_LABELS, STATUS_LABELS } from './labels';

interface Props {
  finding: Finding;
  arrangement: Arrangement;
  entities: TabReport['entities'];
}

/** One arrangement that applies to this page: who, what data, which way, since when, and the sources. */
export function FindingCard({ finding, arrangement: a, entities }: Props) {
  const name = (id: string) => (id === 'any' ? 'any site' : (entities[id]?.name ?? id));
  return (
    <article class="finding" data-arrangement={a.id} aria-labelledby={`t-${a.id}`}>
      <h2 id={`t-${a.id}`}>{a.title}</h2>
      <p class="parties">
        <span class="platform">{name(a.platform)}</span>
        {finding.via === 'owner' ? ' (owner of this site)' : ''} with{' '}
        <span class="partners">{a.partners.map(name).join(', ')}</span>
      </p>
      <p>{a.summary}</p>
      <ul class="flows" aria-label="Data flows">
        {a.flows.map((flow, i) => (
          <li key={i} class="flow">
            <span class="from">{name(flow.from)}</span> <span aria-label="sends to">→</span> <span class="to">{name(flow.to)}</span>:{' '}
            <span class="data">{flow.data.map((d) => DATA_LABELS[d]).join(', ')}</span>
            <span class="purpose"> — {flow.purpose}</span>
          </li>
        ))}
      </ul>
      <p class="status">
        <strong>{STATUS_LABELS[a.status]}</strong> since {a.since}
        {a.until ? `, until ${a.until}` : ''}
        {a.verified ? '' : ' · not fully verified'}
      </p>
      <ul class="sources" aria-label="Sources">
        {a.sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.title}
            </a>{' '}
            — {s.publisher}, {s.published}
          </li>
        ))}
      </ul>
    </article>
  );
}
