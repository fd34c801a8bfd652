import * as v from 'valibot';
import { Entity } from './entity';
import { PagePlatform } from './finding';
import { Rule } from './rule';

/** What a content script needs to watch one page; the background sends null when the site is not watched. */
export const PageConfig = v.object({
  platform: PagePlatform,
  rules: v.array(Rule),
  /** Financial entities with their domains and their handles on this platform only; the name is for in-page markers. */
  entities: v.array(v.object({ ...v.pick(Entity, ['id', 'kind', 'domains', 'handles']).entries, name: v.optional(v.string()) })),
  markers: v.boolean(),
  /** Read the whole page at once rather than what is near the screen first (a setting; the scanner uses it). */
  wholePage: v.boolean(),
});
export type PageConfig = v.InferOutput<typeof PageConfig>;
