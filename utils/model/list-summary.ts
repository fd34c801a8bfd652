import * as v from 'valibot';
import { Arrangement } from './arrangement';
import { Entity } from './entity';

const Short = v.optional(v.pipe(v.string(), v.maxLength(100)));

/** A search of the stored list from the options page; every field narrows it. */
export const ListQuery = v.object({ text: Short, platform: Short, partner: Short, status: Short, region: Short });
export type ListQuery = v.InferOutput<typeof ListQuery>;

export const ListSummary = v.object({
  version: v.string(),
  total: v.number(),
  arrangements: v.array(Arrangement),
  entities: v.array(v.pick(Entity, ['id', 'name', 'kind'])),
});
export type ListSummary = v.InferOutput<typeof ListSummary>;

const Ids = v.object({ arrangements: v.array(v.string()), entities: v.array(v.string()), rules: v.array(v.string()) });

/** What an import would add and change, shown before the user confirms it. */
export const ImportChanges = v.object({ version: v.string(), added: Ids, changed: Ids, unchanged: v.number() });
export type ImportChanges = v.InferOutput<typeof ImportChanges>;
