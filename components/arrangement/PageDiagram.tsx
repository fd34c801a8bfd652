import { i18n } from '#i18n';
import type { Arrangement } from '@/utils/model/arrangement';
import type { DataCategory, Status } from '@/utils/model/vocabulary';
import { listOf } from '../../utils/i18n';
import { dataList, realFlows } from './sentence';

/** How a line is drawn: solid for data that moves today, dashed for what was only proposed, reported or refused, grey for what ended. */
export type LineKind = 'active' | 'unconfirmed' | 'past';
const LINE: Record<Status, LineKind> = {
  active: 'active',
  'under-investigation': 'active',
  proposed: 'unconfirmed',
  declined: 'unconfirmed',
  reported: 'unconfirmed',
  ended: 'past',
  settled: 'past',
  fined: 'past',
};
const LINE_LABEL = { active: 'diagram.line_active', unconfirmed: 'diagram.line_unconfirmed', past: 'diagram.line_past' } as const;
const STRONGEST: readonly LineKind[] = ['active', 'unconfirmed', 'past'];
/** Rows the popup's first screen has room for; the rest are counted. */
const MOST_ROWS = 5;

export interface DiagramLink {
  party: string;
  /** Data goes from the platform to the party, from the party to the platform, or both ways. */
  direction: 'out' | 'in' | 'both';
  data: DataCategory[];
  line: LineKind;
}

/**
 * One picture for the whole page: you, the platform (with its owner), and each other party once,
 * joined by one line per party that carries every data category moving between them. A flow
 * between two outside parties is drawn on the receiving party's line.
 */
export function diagramLinks(hub: ReadonlySet<string>, arrangements: readonly Arrangement[]): DiagramLink[] {
  const links = new Map<string, DiagramLink>();
  for (const a of arrangements)
    for (const flow of realFlows(a.flows)) {
      if (hub.has(flow.from) && hub.has(flow.to)) continue;
      const party = hub.has(flow.to) ? flow.from : flow.to;
      const direction = hub.has(flow.to) ? 'in' : 'out';
      const link = links.get(party) ?? { party, direction, data: [], line: 'past' as LineKind };
      if (link.direction !== direction) link.direction = 'both';
      for (const d of flow.data) if (!link.data.includes(d)) link.data.push(d);
      if (STRONGEST.indexOf(LINE[a.status]) < STRONGEST.indexOf(link.line)) link.line = LINE[a.status];
      links.set(party, link);
    }
  return [...links.values()].sort((a, b) => STRONGEST.indexOf(a.line) - STRONGEST.indexOf(b.line));
}

interface Props {
  /** The page's platform and, when it has one, its owner: drawn as one box. */
  platform: string;
  owner?: string;
  arrangements: readonly Arrangement[];
  name(id: string): string;
}

/** One line of the diagram in words, in the direction its data goes. */
function linkAlt(l: DiagramLink, hub: string, name: (id: string) => string): string {
  const words = { hub, party: name(l.party), data: dataList(l.data), line: i18n.t(LINE_LABEL[l.line]) };
  if (l.direction === 'out') return i18n.t('diagram.alt_out', words);
  if (l.direction === 'in') return i18n.t('diagram.alt_in', words);
  return i18n.t('diagram.alt_both', words);
}

export function PageDiagram({ platform, owner, arrangements, name }: Props) {
  const hub = new Set([platform, ...(owner ? [owner] : [])]);
  const links = diagramLinks(hub, arrangements);
  if (!links.length) return null;
  const hubName = owner ? i18n.t('diagram.hub', { platform: name(platform), owner: name(owner) }) : name(platform);
  const shown = links.slice(0, MOST_ROWS);
  const alt = i18n.t('diagram.alt', {
    hub: hubName,
    links: listOf(links.map((l) => linkAlt(l, hubName, name))),
  });
  return (
    <figure class="page-diagram" role="img" aria-label={alt} data-testid="diagram">
      <div class="diagram-grid" aria-hidden="true">
        <div class="top">
          <span class="node you">{i18n.t('diagram.you')}</span>
          <span class="hop" />
          <span class="node hub">{hubName}</span>
        </div>
        <ul class="links">
          {shown.map((l) => (
            <li key={l.party} class={`link line-${l.line} dir-${l.direction}`}>
              <span class="wire">
                <span class="wire-data">{dataList(l.data)}</span>
              </span>
              <span class="node party">{name(l.party)}</span>
            </li>
          ))}
          {links.length > shown.length && <li class="more-parties">{i18n.t('diagram.moreParties', links.length - shown.length)}</li>}
        </ul>
      </div>
      <figcaption class="legend" aria-hidden="true">
        <span class="key line-active">{i18n.t('diagram.line_active')}</span>
        <span class="key line-unconfirmed">{i18n.t('diagram.line_unconfirmed')}</span>
        <span class="key line-past">{i18n.t('diagram.line_past')}</span>
      </figcaption>
    </figure>
  );
}
