import * as v from 'valibot';
import { BUNDLED_FILES } from '../../background/bundled';
import { Dataset, type FullDataset } from '../../utils/model/dataset';
import { checkIntegrity, type Problem } from '../../utils/model/integrity';
import { comparePartialDates } from '../../utils/model/primitives';
import { FEATURE_KINDS } from '../../utils/model/vocabulary';
import { PLATFORMS } from '../../utils/platforms';
import { hostOf, isFirstHand, repostReason, STAGING_HOST } from './source-hosts';

export type ListFiles = Record<(typeof BUNDLED_FILES)[number], unknown>;

export interface ListReport {
  problems: Problem[];
  /** Present when every file parsed, so the counts in the summary line mean something. */
  list?: FullDataset;
}

/**
 * Everything data:check asks of the bundled list: the schema, the references the schema cannot see
 * (checkIntegrity, shared with the importer), and the editorial rules a reader relies on.
 */
export function checkListFiles(files: ListFiles): ListReport {
  const problems: Problem[] = [];
  const parts = {} as Record<keyof ListFiles, v.InferOutput<typeof Dataset>>;
  for (const name of BUNDLED_FILES) {
    const parsed = v.safeParse(Dataset, files[name]);
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push({ path: `${name}.json${issuePath(issue)}`, message: issue.message });
    } else if (!parsed.output[name]) {
      problems.push({ path: `${name}.json`, message: `has no "${name}" array` });
    } else {
      parts[name] = parsed.output;
    }
  }
  if (problems.length > 0) return { problems };

  const list: FullDataset = {
    version: parts.arrangements.version,
    entities: parts.entities.entities ?? [],
    rules: parts.rules.rules ?? [],
    arrangements: parts.arrangements.arrangements ?? [],
    trackers: parts.rules.trackers ?? [],
  };
  problems.push(...checkIntegrity(list), ...checkEditorial(list));
  return { problems, list };
}

/**
 * Watched platforms no arrangement applies to. A gap is reported, not failed: an arrangement
 * ships only when a dated source for it was read, and a missing one must not be filled by a guess.
 */
export function coverageGaps(list: FullDataset): string[] {
  const covered = new Set(list.arrangements.map((a) => a.platform));
  return PLATFORMS.filter((p) => !covered.has(p.id) && !(p.owner && covered.has(p.owner))).map((p) => p.id);
}

/** The rules that keep the list useful and honest, beyond well-formed. */
export function checkEditorial(list: FullDataset): Problem[] {
  const problems: Problem[] = [];

  const detected = new Set([...list.rules, ...(list.trackers ?? [])].map((r) => r.feature));
  for (const feature of FEATURE_KINDS)
    if (!detected.has(feature)) problems.push({ path: 'rules', message: `no rule detects feature "${feature}"` });

  list.arrangements.forEach((a, i) => {
    const at = `arrangements[${i}]`;
    if (comparePartialDates(a.since, a.lastReviewed) > 0)
      problems.push({ path: `${at}.since`, message: `starts (${a.since}) after the entry was last reviewed (${a.lastReviewed})` });
    if (a.verified && a.sources.length === 0) problems.push({ path: `${at}.sources`, message: 'is verified but cites no source' });

    const watched = new Set(PLATFORMS.flatMap((p) => [p.id, ...(p.owner ? [p.owner] : [])]));
    if (a.platform !== 'any' && !watched.has(a.platform))
      problems.push({ path: `${at}.platform`, message: `"${a.platform}" is no watched platform or owner of one, so the entry can never be shown` });
    a.flows.forEach((f, j) => {
      if (f.from === f.to) problems.push({ path: `${at}.flows[${j}]`, message: `goes from "${f.from}" to itself` });
    });
    const idYear = /-(\d{4})$/.exec(a.id)?.[1];
    if (idYear && idYear !== a.since.slice(0, 4)) problems.push({ path: `${at}.id`, message: `ends in ${idYear} but the arrangement starts in ${a.since.slice(0, 4)}` });
    if (a.status === 'ended' && !a.until) problems.push({ path: `${at}.until`, message: 'is missing: an ended arrangement says when it ended' });
    const firstHand = a.sources.filter((s) => isFirstHand(s.url)).length;
    if (a.verified && a.sources.length < 2 && firstHand === 0)
      problems.push({ path: `${at}.verified`, message: 'rests on one secondary source: a verified entry needs two sources or a first-hand one' });
    a.sources.forEach((s, j) => {
      const host = hostOf(s.url);
      if (STAGING_HOST.test(host)) problems.push({ path: `${at}.sources[${j}].url`, message: `${host} is a staging or development host; cite the published page` });
      const repost = repostReason(s.url);
      if (repost) problems.push({ path: `${at}.sources[${j}].url`, message: `${host} is not an original (${repost}); cite the original` });
    });

    const summary = normalized(a.summary);
    const title = normalized(a.title);
    a.sources.forEach((s, j) => {
      const headline = normalized(s.title);
      if (summary === headline) problems.push({ path: `${at}.summary`, message: `copies the title of source ${j}` });
      else if (isQuotable(headline) && summary.includes(headline))
        problems.push({ path: `${at}.summary`, message: `contains the title of source ${j} word for word` });
      if (title === headline) problems.push({ path: `${at}.title`, message: `copies the title of source ${j}; write a headline of our own` });
    });
  });
  return problems;
}

/** Case, accents and punctuation do not make a copied headline original. */
function normalized(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Short headlines ("Payments") occur in any sentence; only a phrase of some length counts as copied. */
function isQuotable(headline: string): boolean {
  return headline.split(' ').length >= 4;
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  const keys = v.getDotPath(issue);
  if (!keys) return '';
  return keys
    .split('.')
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`))
    .join('');
}

/** How many arrangements apply to each platform scope and each region, for the summary data:check prints. */
export function coverage(list: FullDataset): { platforms: Record<string, number>; regions: Record<string, number> } {
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((all, k) => ({ ...all, [k]: (all[k] ?? 0) + 1 }), {});
  return {
    platforms: count(list.arrangements.map((a) => a.platform)),
    regions: count(list.arrangements.flatMap((a) => a.regions)),
  };
}
