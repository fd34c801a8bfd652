import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ListQuery, ListSummary } from '@/utils/model/list-summary';
import type { Arrangement } from '@/utils/model/arrangement';
import { STATUSES } from '@/utils/model/vocabulary';
import type { Transport } from '@/utils/transport';
import { STATUS_LABELS } from '../../utils/i18n';
import { ArrangementDetail } from './ArrangementDetail';
import { t } from './text';
import { failureText } from '../failure-text';

interface Props {
  transport: Transport;
  /** Bumped after an import or reset so the list shown is the list stored. */
  revision: number;
}

type Filter = Required<Omit<ListQuery, 'text'>>;
const NO_FILTER: Filter = { platform: '', partner: '', status: '', region: '' };

/** Browse, search and filter the stored arrangements, and open one in full. */
export function ArrangementBrowser({ transport, revision }: Props) {
  const [all, setAll] = useState<ListSummary | null>(null);
  const [shown, setShown] = useState<Arrangement[]>([]);
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [open, setOpen] = useState<Arrangement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  const asked = useRef(0);

  // The unfiltered list gives the choices for each filter.
  useEffect(() => {
    transport['list:query']({}).then((r) => (r.ok ? setAll(r.value) : setError(failureText(r))));
  }, [revision]);

  useEffect(() => {
    // Replies can arrive out of order while someone types: only the latest question's answer is shown.
    const ticket = ++asked.current;
    const query: ListQuery = { text: text.trim() || undefined, ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) };
    transport['list:query'](query).then((r) => {
      if (ticket !== asked.current) return;
      if (r.ok) {
        setShown(r.value.arrangements);
        setError(null);
      } else setError(failureText(r));
    });
  }, [text, filter, revision]);

  const names = useMemo(() => new Map((all?.entities ?? []).map((e) => [e.id, e.name])), [all]);
  const choices = useMemo(() => filterChoices(all?.arrangements ?? []), [all]);
  const name = (id: string) => (id === 'any' ? t('options.detail.anySite') : (names.get(id) ?? id));

  useEffect(() => {
    // Coming back from an entry returns focus to the button that opened it (ids are kebab-case: no escaping needed).
    if (!open && lastOpened.current) document.querySelector<HTMLButtonElement>(`[data-open="${lastOpened.current}"]`)?.focus();
  }, [open]);

  if (open)
    return <ArrangementDetail arrangement={open} names={names} onClose={() => setOpen(null)} />;

  const select = (key: keyof Filter, label: string, options: { value: string; label: string }[]) => (
    <label class="filter">
      {label}{' '}
      <select name={`filter-${key}`} value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.currentTarget.value })}>
        <option value="">{t('options.list.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="arrangement-browser">
      <div class="filters" role="search">
        <label class="filter search">
          {t('options.list.search')}{' '}
          <input type="search" name="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        {select('platform', t('options.list.platform'), choices.platforms.map((id) => ({ value: id, label: name(id) })))}
        {select('partner', t('options.list.partner'), choices.partners.map((id) => ({ value: id, label: name(id) })))}
        {select('status', t('options.list.status'), choices.statuses.map((s) => ({ value: s, label: STATUS_LABELS[s] })))}
        {select('region', t('options.list.region'), choices.regions.map((r) => ({ value: r, label: r === 'global' ? t('options.list.global') : r })))}
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="count">
        {all ? t('options.list.count', [String(shown.length), String(all.total), all.version]) : ''}
      </p>
      <ul class="arrangements">
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              class="link"
              data-open={a.id}
              onClick={() => {
                lastOpened.current = a.id;
                setOpen(a);
              }}
            >
              {a.title}
            </button>
            <span class="meta">
              {' '}
              {name(a.platform)} · {a.partners.map(name).join(', ')} · {STATUS_LABELS[a.status]}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function filterChoices(arrangements: readonly Arrangement[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const present = new Set(arrangements.map((a) => a.status));
  return {
    platforms: sorted(arrangements.map((a) => a.platform)),
    partners: sorted(arrangements.flatMap((a) => a.partners)),
    statuses: STATUSES.filter((s) => present.has(s)),
    regions: sorted(arrangements.flatMap((a) => a.regions)),
  };
}
