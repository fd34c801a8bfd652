import * as v from 'valibot';
import type { FullDataset } from './dataset';
import { comparePartialDates } from './primitives';

/** A problem with a list, named by where it is, so a user or contributor can find and fix it. */
export const Problem = v.object({ path: v.string(), message: v.string() });
export type Problem = v.InferOutput<typeof Problem>;

/**
 * Checks that the schema alone cannot: unique ids, references that resolve, dates in order,
 * source indexes in range. Used by the importer (before anything is written) and data:check.
 */
export function checkIntegrity(list: FullDataset): Problem[] {
  const problems: Problem[] = [];
  const entityIds = new Set<string>();
  const ruleIds = new Set<string>();
  const arrangementIds = new Set<string>();

  const unique = (seen: Set<string>, id: string, path: string) => {
    if (seen.has(id)) problems.push({ path, message: `duplicate id "${id}"` });
    seen.add(id);
  };
  list.entities.forEach((e, i) => unique(entityIds, e.id, `entities[${i}].id`));
  list.rules.forEach((r, i) => unique(ruleIds, r.id, `rules[${i}].id`));
  // Tracker rules share the rule ids' namespace: a detection names either kind by id alone.
  list.trackers?.forEach((t, i) => unique(ruleIds, t.id, `trackers[${i}].id`));
  list.arrangements.forEach((a, i) => unique(arrangementIds, a.id, `arrangements[${i}].id`));

  const entity = (id: string, path: string) => {
    if (!entityIds.has(id)) problems.push({ path, message: `unknown entity "${id}"` });
  };

  list.entities.forEach((e, i) => {
    if (e.owner) entity(e.owner, `entities[${i}].owner`);
    for (const platform of Object.keys(e.handles)) entity(platform, `entities[${i}].handles.${platform}`);
  });

  list.trackers?.forEach((t, i) => entity(t.platform, `trackers[${i}].platform`));

  list.rules.forEach((r, i) => {
    r.platforms?.forEach((p, j) => entity(p, `rules[${i}].platforms[${j}]`));
    if (r.partner) entity(r.partner, `rules[${i}].partner`);
    r.signals.forEach((s, j) => {
      if ('partners' in s) s.partners?.forEach((p, k) => entity(p, `rules[${i}].signals[${j}].partners[${k}]`));
    });
  });

  list.arrangements.forEach((a, i) => {
    const at = `arrangements[${i}]`;
    if (a.platform !== 'any') entity(a.platform, `${at}.platform`);
    a.partners.forEach((p, j) => entity(p, `${at}.partners[${j}]`));
    a.flows.forEach((f, j) => {
      entity(f.from, `${at}.flows[${j}].from`);
      entity(f.to, `${at}.flows[${j}].to`);
    });
    a.statements.forEach((s, j) => {
      entity(s.by, `${at}.statements[${j}].by`);
      if (s.source >= a.sources.length) problems.push({ path: `${at}.statements[${j}].source`, message: `no source number ${s.source}` });
    });
    a.userControls.forEach((c, j) => {
      if (c.source !== undefined && c.source >= a.sources.length)
        problems.push({ path: `${at}.userControls[${j}].source`, message: `no source number ${c.source}` });
    });
    if (a.until && comparePartialDates(a.since, a.until) > 0)
      problems.push({ path: `${at}.until`, message: `ends (${a.until}) before it starts (${a.since})` });
    a.sources.forEach((s, j) => {
      if (comparePartialDates(s.published, a.lastReviewed) > 0)
        problems.push({ path: `${at}.sources[${j}].published`, message: `published (${s.published}) after the entry was last reviewed (${a.lastReviewed})` });
    });
  });
  return problems;
}
