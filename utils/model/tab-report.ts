import * as v from 'valibot';
import { Arrangement } from './arrangement';
import { Detection } from './detection';
import { Entity } from './entity';
import { Finding, PagePlatform } from './finding';
import { Id } from './primitives';

/** What the background knows of one tab: what was detected there and the arrangements it matched. */
export const TabState = v.object({
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  platform: v.optional(PagePlatform),
  /** A financial firm's own page (the opt-in other direction): its entity id; `platform` is then absent. */
  firm: v.optional(Id),
  /** Only the page's origin; the full URL is not kept. */
  origin: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  detections: v.array(Detection),
  findings: v.array(Finding),
  /** Parts of the page far from the screen were not read yet: more may be found as the user scrolls. */
  unread: v.optional(v.boolean()),
  updatedAt: v.number(),
});
export type TabState = v.InferOutput<typeof TabState>;

/** The arrangements a tab's findings name, and the names of their parties: all the popup needs to explain them. */
export const Explanations = v.object({
  arrangements: v.record(Id, Arrangement),
  entities: v.record(Id, v.pick(Entity, ['id', 'name', 'kind'])),
});

/** A tab's findings with everything the popup needs to explain them. */
export const TabReport = v.object({
  ...TabState.entries,
  ...Explanations.entries,
  watched: v.boolean(),
  paused: v.boolean(),
});
export type TabReport = v.InferOutput<typeof TabReport>;
