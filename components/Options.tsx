import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/model/settings';
import type { Transport } from '@/utils/transport';
import { PLATFORMS } from '@/utils/platforms';
import { ListManager } from './ListManager';

export function Options({ transport }: { transport: Transport }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    transport['settings:get'](undefined).then((r) => (r.ok ? setSettings(r.value) : setError(r.error)));
  }, []);

  async function save(next: Settings) {
    setSettings(next);
    const result = await transport['settings:set'](next);
    if (result.ok) {
      setSettings(result.value);
      setError(null);
      setSaved('Saved.');
    } else setError(result.error);
  }

  return (
    <main class="options">
      <h1>Ledgerlight options</h1>
      {error && <p role="alert" class="error">{error}</p>}
      <p role="status" class="saved">{saved}</p>
      {settings && (
        <>
          <fieldset>
            <legend>Sites to watch</legend>
            {PLATFORMS.map((p) => (
              <label key={p.id} class="site">
                <input
                  type="checkbox"
                  name={`site-${p.id}`}
                  checked={!settings.disabledSites.includes(p.id)}
                  onChange={(e) =>
                    save({
                      ...settings,
                      disabledSites: e.currentTarget.checked
                        ? settings.disabledSites.filter((id) => id !== p.id)
                        : [...settings.disabledSites, p.id],
                    })
                  }
                />{' '}
                {p.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>On the page</legend>
            <label>
              <input type="checkbox" name="markers" checked={settings.markers} onChange={(e) => save({ ...settings, markers: e.currentTarget.checked })} /> Show a
              marker next to each bank-linked feature
            </label>
          </fieldset>
        </>
      )}
      <ListManager transport={transport} />
    </main>
  );
}
