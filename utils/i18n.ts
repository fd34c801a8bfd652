import { i18n, type GeneratedI18nStructure } from '#i18n';
import { DATA_CATEGORIES, FEATURE_KINDS, SCORE_DIMENSIONS, STATUSES } from '@/utils/model/vocabulary';
import type { DataCategory, FeatureKind, ScoreDimension, Status } from '@/utils/model/vocabulary';

type Key = keyof GeneratedI18nStructure;
/** Messages that take no substitution: every vocabulary label is one. */
type PlainKey = { [K in Key]: GeneratedI18nStructure[K] extends { namedSubstitutions: readonly string[] } ? never : GeneratedI18nStructure[K] extends { plural: false; substitutions: 0 } ? K : never }[Key];

/**
 * The vocabulary's words live in locales/*.yml (test/unit/popup/locales.test.ts checks every id has
 * one in each language). Each label is read when it is used, not at import time: entrypoints are
 * imported in Node at build time, where there is no browser.i18n.
 */
function labelsFor<Id extends string>(prefix: string, ids: readonly Id[]): Readonly<Record<Id, string>> {
  const labels = {} as Record<Id, string>;
  for (const id of ids) {
    // Message names allow only letters, digits and "_", so vocabulary ids swap "-" for "_".
    const key = `${prefix}.${id.replaceAll('-', '_')}` as PlainKey;
    Object.defineProperty(labels, id, { enumerable: true, get: () => i18n.t(key) });
  }
  return labels;
}

export const FEATURE_LABELS = labelsFor('feature', FEATURE_KINDS) as Readonly<Record<FeatureKind, string>>;
export const DATA_LABELS = labelsFor('data', DATA_CATEGORIES) as Readonly<Record<DataCategory, string>>;
export const STATUS_LABELS = labelsFor('status', STATUSES) as Readonly<Record<Status, string>>;
export const SCORE_LABELS = labelsFor('score', SCORE_DIMENSIONS) as Readonly<Record<ScoreDimension, string>>;

/** The language the messages are written in (not necessarily the browser's): lists follow it. */
export const messageLanguage = () => i18n.t('lang') || 'en';

const formatters = new Map<string, unknown>();

/**
 * An Intl formatter for the messages' language, made once: building one costs far more than
 * using it, and the popup formats a few hundred names and dates as it opens.
 */
export function formatterFor<F>(kind: string, make: (language: string) => F): F {
  const language = messageLanguage();
  const key = `${kind}|${language}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make(language)));
  return formatter;
}

/** "a, b and c" in the messages' language. */
export const listOf = (items: readonly string[]) =>
  formatterFor('list', (language) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })).format(items);
