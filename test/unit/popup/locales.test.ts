import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, FEATURE_KINDS, SCORE_DIMENSIONS, STATUSES } from '@/utils/model/vocabulary';
import { chromeMessages, LOCALES } from './messages';

const placeholders = (message: string) => [...message.matchAll(/\{\w+\}|\$\d/g)].map((m) => m[0]).sort();

describe('translations', async () => {
  const english = await chromeMessages('en');

  it('has an English word for every feature kind, data category, status and score', () => {
    const ids = [
      ...FEATURE_KINDS.map((id) => `feature_${id}`),
      ...DATA_CATEGORIES.map((id) => `data_${id}`),
      ...STATUSES.map((id) => [`status_${id}`, `flow_${id}`]).flat(),
      ...SCORE_DIMENSIONS.map((id) => `score_${id}`),
    ].map((name) => name.replaceAll('-', '_'));
    expect(ids.filter((name) => !english[name]?.message)).toEqual([]);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} translates every English message and keeps its placeholders`, async () => {
      const translated = await chromeMessages(locale);
      const missing = Object.keys(english).filter((name) => !translated[name]?.message);
      expect(missing).toEqual([]);
      const broken = Object.keys(english).filter((name) => translated[name] && placeholders(translated[name].message).join() !== placeholders(english[name]!.message).join());
      expect(broken).toEqual([]);
      expect(Object.keys(translated).filter((name) => !english[name])).toEqual([]);
    });
  }
});
