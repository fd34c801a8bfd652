import * as v from 'valibot';
import { FEATURE_KINDS } from './vocabulary';

/** One day's count of one feature kind on one platform, in local history. */
export const HistoryRow = v.object({
  day: v.string(),
  platform: v.string(),
  feature: v.picklist(FEATURE_KINDS),
  count: v.number(),
  /** Only when the user opted in to recording URLs. */
  urls: v.optional(v.array(v.string())),
});
export type HistoryRow = v.InferOutput<typeof HistoryRow>;

/** The day a time falls on, in UTC, as history keys it (YYYY-MM-DD). */
export const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
