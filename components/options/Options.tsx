import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/model/settings';
import type { Transport } from '@/utils/transport';
import { ListManager } from './ListManager';
import { ArrangementBrowser } from './ArrangementBrowser';
import { ClearAllPanel } from './ClearAllPanel';
import { HistoryPanel } from './HistoryPanel';
import { SitesPanel } from './SitesPanel';
import { FinancialSitesPanel } from './FinancialSitesPanel';
import type { SiteAccess } from './site-access';
import { t } from './text';
import { failureText } from '../failure-text';

interface Props {
  transport: Transport;
  access: SiteAccess;
  /** A site the popup offered to add (options.html#add=...), already checked. */
  proposedSite?: string;
}

/** The options page: where to watch, the arrangement list, history, and wiping it all. */
export function Options({ transport, access, proposedSite }: Props) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [listRevision, setListRevision] = useState(0);
  const [dataRevision, setDataRevision] = useState(0);
  const [focusRevision, setFocusRevision] = useState(0);

  const load = () => transport['settings:get'](undefined).then((r) => (r.ok ? setSettings(r.value) : setError(failureText(r))));

  useEffect(() => {
    void load();
    // Coming back from the browser's own settings, a site's permission may have been revoked (and
    // the background has dropped that site): reread rather than save a stale copy over it later.
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      void load();
      setFocusRevision((n) => n + 1);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  async function save(next: Settings): Promise<boolean> {
    setSettings(next);
    setSaved('');
    const result = await transport['settings:set'](next);
    if (!result.ok) {
      setError(t('options.saveFailed', [failureText(result)]));
      void load();
      return false;
    }
    setSettings(result.value);
    setError(null);
    setSaved(t('options.saved'));
    return true;
  }

  return (
    <div class="options">
      <header>
        <h1>{t('options.title')}</h1>
        <nav aria-label={t('options.nav')}>
          <a href="#sites">{t('options.sites.title')}</a> <a href="#list">{t('options.list.title')}</a> <a href="#history">{t('options.history.title')}</a>{' '}
          <a href="#data">{t('options.clearAll.title')}</a>
        </nav>
      </header>
      <main>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <p role="status" class="saved">
          {saved}
        </p>
        {settings ? (
          <SitesPanel settings={settings} save={save} access={access} refresh={focusRevision} proposedSite={proposedSite} />
        ) : (
          !error && <p aria-busy="true">{t('options.loading')}</p>
        )}
        {settings && <FinancialSitesPanel settings={settings} save={save} access={access} transport={transport} />}
        <section id="list" aria-labelledby="list-title" class="panel">
          <h2 id="list-title">{t('options.list.title')}</h2>
          <p class="hint">{t('options.list.explain')}</p>
          <ArrangementBrowser transport={transport} revision={listRevision + dataRevision} />
          <ListManager transport={transport} onChanged={() => setListRevision((n) => n + 1)} />
        </section>
        {settings && <HistoryPanel transport={transport} settings={settings} save={save} revision={dataRevision} />}
        <ClearAllPanel
          transport={transport}
          onCleared={() => {
            setDataRevision((n) => n + 1);
            void load();
          }}
        />
      </main>
    </div>
  );
}
