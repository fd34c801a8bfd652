import type { Settings } from '@/utils/model/settings';
import { PLATFORMS, platformById } from '@/utils/platforms';
import { CustomSites } from './CustomSites';
import type { SiteAccess } from './site-access';
import { t } from './text';

interface Props {
  settings: Settings;
  save(next: Settings): Promise<boolean>;
  access: SiteAccess;
  refresh: number;
  /** A site the popup offered to add. */
  proposedSite?: string;
}

/** Where Ledgerlight looks, and whether it marks what it finds on the page. */
export function SitesPanel({ settings, save, access, refresh, proposedSite }: Props) {
  const toggleSite = (id: string, on: boolean) =>
    save({ ...settings, disabledSites: on ? settings.disabledSites.filter((s) => s !== id) : [...settings.disabledSites, id] });

  return (
    <section id="sites" aria-labelledby="sites-title" class="panel">
      <h2 id="sites-title">{t('options.sites.title')}</h2>
      <label class="switch">
        <input type="checkbox" name="paused" checked={settings.paused} onChange={(e) => save({ ...settings, paused: e.currentTarget.checked })} />{' '}
        {t('options.sites.pause')}
      </label>
      {settings.paused && <p class="hint">{t('options.sites.pausedNote')}</p>}
      <fieldset class="site-grid" disabled={settings.paused}>
        <legend>{t('options.sites.supported')}</legend>
        {PLATFORMS.map((p) => (
          <label key={p.id} class="site">
            <input
              type="checkbox"
              name={`site-${p.id}`}
              checked={!settings.disabledSites.includes(p.id)}
              onChange={(e) => toggleSite(p.id, e.currentTarget.checked)}
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      <CustomSites
        sites={settings.customSites}
        access={access}
        refresh={refresh}
        proposed={proposedSite}
        save={(customSites) => save({ ...settings, customSites })}
      />
      <h3>{t('options.markers.title')}</h3>
      <label class="switch">
        <input type="checkbox" name="markers" checked={settings.markers} onChange={(e) => save({ ...settings, markers: e.currentTarget.checked })} />{' '}
        {t('options.markers.show')}
      </label>
      {settings.markers && settings.markersHiddenOn.length > 0 && (
        <ul class="site-list" aria-label={t('options.markers.hiddenOn')}>
          {settings.markersHiddenOn.map((id) => (
            <li key={id}>
              {t('options.markers.hiddenOnSite', [platformById(id)?.name ?? id])}{' '}
              <button type="button" onClick={() => save({ ...settings, markersHiddenOn: settings.markersHiddenOn.filter((s) => s !== id) })}>
                {t('options.markers.showAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="switch">
        <input type="checkbox" name="wholePage" checked={settings.wholePage} onChange={(e) => save({ ...settings, wholePage: e.currentTarget.checked })} />{' '}
        {t('options.markers.wholePage')}
      </label>
      <p class="hint">{t('options.markers.wholePageNote')}</p>
    </section>
  );
}
