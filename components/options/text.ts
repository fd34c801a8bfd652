import { i18n, type GeneratedI18nStructure } from '#i18n';

/** The options page's messages: the `options:` section of locales/*.yml. */
export type TextKey = Extract<keyof GeneratedI18nStructure, `options.${string}`>;

/**
 * One door to i18n for the options page. Substitutions are $1…$9 in the locale files; the typed
 * `i18n.t` wants a tuple of the exact length, which keys chosen at run time (problem reasons,
 * list parts) cannot give, so this takes a plain array.
 */
export function t(key: TextKey, substitutions: readonly string[] = []): string {
  return (i18n.t as (key: string, substitutions?: string[]) => string)(key, substitutions.length ? [...substitutions] : undefined);
}
