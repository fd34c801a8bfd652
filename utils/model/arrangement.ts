import * as v from 'valibot';
import { DATA_CATEGORIES, FEATURE_KINDS, SCORE_DIMENSIONS, STATUSES } from './vocabulary';
import { HttpsUrl, Id, PartialDate, Text } from './primitives';

export const Source = v.object({
  publisher: Text(200),
  title: Text(400),
  url: HttpsUrl,
  published: PartialDate,
});
export type Source = v.InferOutput<typeof Source>;

/** One direction of data movement between two parties. */
export const DataFlow = v.object({
  from: Id,
  to: Id,
  data: v.pipe(v.array(v.picklist(DATA_CATEGORIES)), v.minLength(1, 'must name at least one data category')),
  purpose: Text(500),
});
export type DataFlow = v.InferOutput<typeof DataFlow>;

/** What a party or a rater said: kept beside the claim it answers, never merged into it. */
export const Statement = v.object({
  by: Id,
  kind: v.picklist(['claim', 'denial', 'statement', 'rating', 'ruling']),
  text: Text(1000),
  /** Index into the arrangement's sources. */
  source: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type Statement = v.InferOutput<typeof Statement>;

const Score = v.object({
  /** 0 = worst for the user's privacy, 4 = best; null when the sources do not say (shown as unknown, never as a middle value). */
  value: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4))),
  reason: Text(600),
});

export const Scores = v.object(
  Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, Score])) as Record<(typeof SCORE_DIMENSIONS)[number], typeof Score>,
);
export type Scores = v.InferOutput<typeof Scores>;

export const UserControl = v.object({
  kind: v.picklist(['settings', 'opt-out', 'data-request', 'info']),
  label: Text(200),
  url: v.optional(HttpsUrl),
  steps: v.optional(Text(300)),
  source: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type UserControl = v.InferOutput<typeof UserControl>;

export const Arrangement = v.object({
  id: Id,
  title: Text(160),
  summary: Text(1200),
  /** Platform entity id, its owner's id, or 'any' for a partner's own practice wherever it is embedded. */
  platform: Id,
  partners: v.pipe(v.array(Id), v.minLength(1, 'must name at least one partner')),
  features: v.pipe(v.array(v.picklist(FEATURE_KINDS)), v.minLength(1, 'must name at least one feature kind')),
  flows: v.pipe(v.array(DataFlow), v.minLength(1, 'must describe at least one data flow')),
  regions: v.pipe(v.array(v.pipe(v.string(), v.regex(/^(?:[A-Z]{2}|global)$/, 'must be an ISO country code or global'))), v.minLength(1)),
  status: v.picklist(STATUSES),
  since: PartialDate,
  until: v.optional(PartialDate),
  statusNote: v.optional(Text(400)),
  statements: v.optional(v.array(Statement), []),
  scores: Scores,
  userControls: v.optional(v.array(UserControl), []),
  sources: v.pipe(v.array(Source), v.minLength(1, 'must cite at least one source')),
  lastReviewed: PartialDate,
  /** True only when every fact in the entry was read in a cited source. */
  verified: v.boolean(),
});
export type Arrangement = v.InferOutput<typeof Arrangement>;
