import { beforeAll, describe, expect, it } from 'vitest';
import type { FullDataset } from '@/utils/model/dataset';
import { FEATURE_KINDS, FIRM_PAGE_FEATURES } from '@/utils/model/vocabulary';
import { PLATFORMS, platformForUrl } from '@/utils/platforms';
import { bundledFromDisk } from '../fixtures';
import { readFixturePages } from '../../../tools/harness/fixture-pages';

/** Keeps the rules and their test pages honest with each other; fixtures.test.ts checks each page. */
describe('detection rules and their fixture pages', () => {
  const pages = readFixturePages();
  let list: FullDataset;
  beforeAll(async () => {
    list = await bundledFromDisk();
  });

  it('gives every rule a page where it must fire', () => {
    const promised = new Set(pages.flatMap((p) => p.fires));
    expect(list.rules.map((r) => r.id).filter((id) => !promised.has(id))).toEqual([]);
  });

  it('names only rules that exist', () => {
    const known = new Set(list.rules.map((r) => r.id));
    const unknown = pages.flatMap((p) => [...p.fires, ...(p.quiet === 'all' ? [] : p.quiet)].filter((id) => !known.has(id)).map((id) => `${p.name}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('never promises that a rule both fires and stays quiet on one page', () => {
    const contradictions = pages.filter((p) => p.quiet === 'all' ? p.fires.length > 0 : p.fires.some((id) => p.quiet.includes(id)));
    expect(contradictions.map((p) => p.name)).toEqual([]);
  });

  it('serves each page at a host of a watched platform, filed under that platform', () => {
    const misplaced = pages.filter((p) => platformForUrl(p.url)?.id !== p.name.split('/')[0]).map((p) => `${p.name} at ${p.url}`);
    expect(misplaced).toEqual([]);
  });

  it('has a page on every platform where nothing may fire', () => {
    const quiet = new Set(pages.filter((p) => p.quiet === 'all').map((p) => platformForUrl(p.url)?.id));
    expect(PLATFORMS.map((p) => p.id).filter((id) => !quiet.has(id))).toEqual([]);
  });

  it('has a page on every platform where something fires', () => {
    const firing = new Set(pages.filter((p) => p.fires.length).map((p) => platformForUrl(p.url)?.id));
    expect(PLATFORMS.map((p) => p.id).filter((id) => !firing.has(id))).toEqual([]);
  });

  it('covers every feature kind on every platform with at least one rule', () => {
    const gaps = PLATFORMS.flatMap((platform) =>
      FEATURE_KINDS.filter((feature) => !FIRM_PAGE_FEATURES.includes(feature)).filter((feature) => !list.rules.some((r) => r.feature === feature && (!r.platforms || r.platforms.includes(platform.id)))).map(
        (feature) => `${platform.id}: ${feature}`,
      ),
    );
    expect(gaps).toEqual([]);
  });

  it('names only known platforms in rules', () => {
    const ids = new Set(PLATFORMS.map((p) => p.id));
    expect(list.rules.flatMap((r) => (r.platforms ?? []).filter((p) => !ids.has(p)).map((p) => `${r.id}: ${p}`))).toEqual([]);
  });
});
