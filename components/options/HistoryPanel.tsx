import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HistoryRow } from '@/utils/model/history';
import { HISTORY_PERIODS, type Settings } from '@/utils/model/settings';
import { FEATURE_KINDS } from '@/utils/model/vocabulary';
import { platformById } from '@/utils/platforms';
import type { Transport } from '@/utils/transport';
import { FEATURE_LABELS } from '../../utils/i18n';
import { ConfirmAction } from './ConfirmAction';
import { HistoryChart, describeSeries } from './HistoryChart';
import { dailyTotals, historyCsv, historyJson, matchesFilter, sortRows, type HistoryFilter } from './history-series';
import { downloadText } from '../download';
import { t } from './text';
import { failureText } from '../failure-text';

interface Props {
  transport: Transport;
  settings: Settings;
  save(next: Settings): Promise<boolean>;
  /** Bumped when something else (clear all) emptied the history. */
  revision: number;
  now?: () => number;
}

/** What was found over time, how long it is kept, and the way to take it out or wipe it. */
export function HistoryPanel({ transport, settings, save, revision, now = Date.now }: Props) {
  const [rows, setRows] = useState<HistoryRow[]>([]);
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const load = () => transport['history:get'](undefined).then((r) => (r.ok ? setRows(r.value) : setError(failureText(r))));
  // A shorter period prunes old days in the background, so the rows are read again after it changes.
  useEffect(() => void load(), [revision, settings.historyDays]);

  const series = useMemo(() => dailyTotals(rows, filter, settings.historyDays, now()), [rows, filter, settings.historyDays]);
  const tableRows = useMemo(() => sortRows(rows.filter((r) => matchesFilter(r, filter))), [rows, filter]);
  const platforms = useMemo(() => [...new Set(rows.map((r) => r.platform))].sort(), [rows]);
  const platformName = (id: string) => platformById(id)?.name ?? (id === 'other' ? t('options.history.otherSites') : id);

  async function clear() {
    const result = await transport['history:clear'](undefined);
    if (!result.ok) return setError(failureText(result));
    setRows([]);
    setStatus(t('options.history.cleared'));
  }

  return (
    <section id="history" aria-labelledby="history-title" class="panel">
      <h2 id="history-title">{t('options.history.title')}</h2>
      <p class="hint">{t('options.history.explain')}</p>
      <label>
        {t('options.history.keep')}{' '}
        <select
          name="historyDays"
          value={String(settings.historyDays)}
          onChange={(e) => save({ ...settings, historyDays: Number(e.currentTarget.value) as Settings['historyDays'] })}
        >
          {HISTORY_PERIODS.map((days) => (
            <option key={days} value={String(days)}>
              {days === 0 ? t('options.history.notKept') : t('options.history.days', [String(days)])}
            </option>
          ))}
        </select>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          name="recordUrls"
          checked={settings.recordUrls}
          disabled={settings.historyDays === 0}
          aria-describedby="record-urls-note"
          onChange={(e) => save({ ...settings, recordUrls: e.currentTarget.checked })}
        />{' '}
        {t('options.history.recordUrls')}
      </label>
      <p id="record-urls-note" class="hint">
        {t('options.history.recordUrlsNote')}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      {settings.historyDays === 0 ? (
        <p>{t('options.history.off')}</p>
      ) : (
        <>
          <div class="filters">
            <label class="filter">
              {t('options.history.feature')}{' '}
              <select name="history-feature" value={filter.feature ?? ''} onChange={(e) => setFilter({ ...filter, feature: e.currentTarget.value || undefined })}>
                <option value="">{t('options.history.allFeatures')}</option>
                {FEATURE_KINDS.map((f) => (
                  <option key={f} value={f}>
                    {FEATURE_LABELS[f]}
                  </option>
                ))}
              </select>
            </label>
            <label class="filter">
              {t('options.history.platform')}{' '}
              <select name="history-platform" value={filter.platform ?? ''} onChange={(e) => setFilter({ ...filter, platform: e.currentTarget.value || undefined })}>
                <option value="">{t('options.history.allPlatforms')}</option>
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {platformName(p)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <figure class="history-figure">
            <HistoryChart series={series} summaryId="history-chart-summary" />
            <figcaption id="history-chart-summary">{describeSeries(series)}</figcaption>
          </figure>
          <details class="history-table">
            <summary>{t('options.history.asTable')}</summary>
            {tableRows.length === 0 ? (
              <p>{t('options.history.empty')}</p>
            ) : (
              <table>
                <caption class="visually-hidden">{t('options.history.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('options.history.day')}</th>
                    <th scope="col">{t('options.history.platform')}</th>
                    <th scope="col">{t('options.history.feature')}</th>
                    <th scope="col">{t('options.history.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tableRows.map((r) => (
                    <tr key={`${r.day}|${r.platform}|${r.feature}`}>
                      <td>{r.day}</td>
                      <td>{platformName(r.platform)}</td>
                      <td>{FEATURE_LABELS[r.feature]}</td>
                      <td class="number">{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </details>
        </>
      )}
      <p class="actions">
        <button type="button" disabled={rows.length === 0} onClick={() => downloadText('ledgerlight-history.csv', historyCsv(rows), 'text/csv')}>
          {t('options.history.exportCsv')}
        </button>{' '}
        <button type="button" disabled={rows.length === 0} onClick={() => downloadText('ledgerlight-history.json', historyJson(rows), 'application/json')}>
          {t('options.history.exportJson')}
        </button>{' '}
        <ConfirmAction
          label={t('options.history.clear')}
          question={t('options.history.clearQuestion')}
          confirmLabel={t('options.history.clearConfirm')}
          onConfirm={clear}
        />
      </p>
    </section>
  );
}
