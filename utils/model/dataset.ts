import * as v from 'valibot';
import { Arrangement } from './arrangement';
import { Entity } from './entity';
import { Rule } from './rule';
import { TrackerRule } from './tracker';

/** The one data format Ledgerlight reads, bundles and imports. Bump when old files would mean something else. */
export const DATASET_FORMAT = 1;

/**
 * A list file: the bundled arrangements.json, entities.json and rules.json each carry one part;
 * an imported list may carry any of them. Limits keep a hostile file from exhausting memory.
 */
export const Dataset = v.object({
  $schema: v.optional(v.string()),
  format: v.literal(DATASET_FORMAT),
  version: v.pipe(v.string(), v.regex(/^[\w.-]{1,40}$/, 'must be a short version label such as 2026.11.23')),
  entities: v.optional(v.pipe(v.array(Entity), v.maxLength(5_000))),
  rules: v.optional(v.pipe(v.array(Rule), v.maxLength(2_000))),
  /** Social platforms' code on financial firms' pages (the opt-in other direction); bundled in rules.json. */
  trackers: v.optional(v.pipe(v.array(TrackerRule), v.maxLength(500))),
  arrangements: v.optional(v.pipe(v.array(Arrangement), v.maxLength(20_000))),
});
export type Dataset = v.InferOutput<typeof Dataset>;

/** A complete list, as stored: all three parts present. */
export interface FullDataset {
  version: string;
  entities: Entity[];
  rules: Rule[];
  arrangements: Arrangement[];
  /** Read from the bundled rules.json only: an imported list cannot (yet) replace them. */
  trackers?: TrackerRule[];
}
