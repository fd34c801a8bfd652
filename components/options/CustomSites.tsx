import { useEffect, useRef, useState } from 'preact/hooks';
import { parseSiteInput } from './site-origin';
import type { SiteAccess } from './site-access';
import { t } from './text';

interface Props {
  sites: readonly string[];
  access: SiteAccess;
  /** Saves the new list; resolves false when it could not be saved (the page shows why). */
  save(sites: string[]): Promise<boolean>;
  /** Bumped when the page regains focus: a permission may have been revoked in the browser's settings meanwhile. */
  refresh: number;
  /** A site the popup offered to add: filled in and focused, and asked for only when the user presses Add. */
  proposed?: string;
}

/** Sites the user adds: each is watched only once the browser has granted its permission. */
export function CustomSites({ sites, access, save, refresh, proposed }: Props) {
  const [draft, setDraft] = useState(proposed ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (proposed) input.current?.focus();
  }, []);

  useEffect(() => {
    let current = true;
    Promise.all(sites.map(async (origin) => [origin, await access.granted(origin)] as const)).then(
      (pairs) => current && setGranted(Object.fromEntries(pairs)),
    );
    return () => void (current = false);
  }, [sites.join(' '), refresh]);

  function add(event: Event) {
    event.preventDefault();
    const parsed = parseSiteInput(draft, sites);
    if (!parsed.ok) {
      setProblem(t(`options.customSites.problem.${problemKey[parsed.reason]}`, [draft.trim()]));
      input.current?.focus();
      return;
    }
    setProblem(null);
    // No await before this call: the browser only shows its prompt while the user's gesture lasts.
    void access.request(parsed.origin).then(async (allowed) => {
      if (!allowed) return setProblem(t('options.customSites.problem.denied', [parsed.origin]));
      if (await save([...sites, parsed.origin])) {
        setGranted((g) => ({ ...g, [parsed.origin]: true }));
        setDraft('');
      }
    });
  }

  function allow(origin: string) {
    void access.request(origin).then(async (allowed) => {
      if (!allowed) return setProblem(t('options.customSites.problem.denied', [origin]));
      setProblem(null);
      // Saving the unchanged list makes the background register the site now that it may.
      if (await save([...sites])) setGranted((g) => ({ ...g, [origin]: true }));
    });
  }

  return (
    <section class="custom-sites" aria-labelledby="custom-sites-title">
      <h3 id="custom-sites-title">{t('options.customSites.title')}</h3>
      <p class="hint">{t('options.customSites.explain')}</p>
      {sites.length > 0 && (
        <ul class="site-list">
          {sites.map((origin) => (
            <li key={origin} data-site={origin}>
              <span class="origin">{origin}</span>{' '}
              {granted[origin] === false ? (
                <>
                  <span class="state warn">{t('options.customSites.notGranted')}</span>{' '}
                  <button type="button" onClick={() => allow(origin)}>
                    {t('options.customSites.allow', [origin])}
                  </button>
                </>
              ) : (
                <span class="state">{granted[origin] ? t('options.customSites.watched') : ''}</span>
              )}{' '}
              <button type="button" onClick={() => save(sites.filter((s) => s !== origin))} aria-label={t('options.customSites.removeLabel', [origin])}>
                {t('options.customSites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="add-site">
        <label for="add-site-input">{t('options.customSites.inputLabel')}</label>{' '}
        <input
          id="add-site-input"
          ref={input}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://social.example"
          value={draft}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'add-site-problem' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />{' '}
        <button type="submit">{t('options.customSites.add')}</button>
      </form>
      {problem && (
        <p id="add-site-problem" role="alert" class="error">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Message names allow only letters, digits and "_". */
const problemKey = { invalid: 'invalid', 'not-https': 'not_https', 'built-in': 'built_in', duplicate: 'duplicate' } as const;
