import { useEffect, useState } from 'preact/hooks';
import type { FinancialSiteMode, Settings } from '@/utils/model/settings';
import type { Transport } from '@/utils/transport';
import type { SiteAccess } from './site-access';
import { t } from './text';

interface Props {
  settings: Settings;
  save(next: Settings): Promise<boolean>;
  access: SiteAccess;
  transport: Pick<Transport, 'firm:patterns'>;
}

type On = Exclude<FinancialSiteMode, 'off'>;

/**
 * "Also check financial sites" (opt-in): the other direction of the ledger. The permissions each
 * scope needs are read from the list before any click, because the browser asks the user only in
 * direct answer to a click; a save follows only once the browser has granted them.
 */
export function FinancialSitesPanel({ settings, save, access, transport }: Props) {
  const [patterns, setPatterns] = useState<Record<On, string[]> | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void Promise.all([transport['firm:patterns']({ mode: 'firms' }), transport['firm:patterns']({ mode: 'all' })]).then(([firms, all]) => {
      if (firms.ok && all.ok) setPatterns({ firms: firms.value, all: all.value });
    });
  }, []);

  const on = settings.financialSites !== 'off';
  const scope: On = settings.financialSites === 'all' ? 'all' : 'firms';

  async function choose(mode: FinancialSiteMode) {
    setDenied(false);
    if (mode !== 'off') {
      // Asked before anything else is awaited: the click is what lets the browser ask.
      const granted = await access.requestPatterns(patterns![mode]);
      if (!granted) return setDenied(true);
    }
    await save({ ...settings, financialSites: mode });
  }

  return (
    <section id="financial" aria-labelledby="financial-title" class="panel">
      <h2 id="financial-title">{t('options.financial.title')}</h2>
      <p class="hint">{t('options.financial.explain')}</p>
      <label class="switch">
        <input
          type="checkbox"
          name="financialSites"
          checked={on}
          disabled={!patterns || settings.paused}
          onChange={(e) => void choose(e.currentTarget.checked ? scope : 'off')}
        />{' '}
        {t('options.financial.check')}
      </label>
      {on && patterns && (
        <fieldset>
          <legend>{t('options.financial.scopeLegend')}</legend>
          <label>
            <input type="radio" name="financialScope" checked={scope === 'firms'} onChange={() => void choose('firms')} />{' '}
            {t('options.financial.scopeFirms', [String(patterns.firms.length)])}
          </label>
          <label>
            <input type="radio" name="financialScope" checked={scope === 'all'} onChange={() => void choose('all')} /> {t('options.financial.scopeAll')}
          </label>
        </fieldset>
      )}
      {denied && (
        <p role="alert" class="error">
          {t('options.financial.denied')}
        </p>
      )}
    </section>
  );
}
