import * as v from 'valibot';
import { Entity } from './entity';
import { TrackerRule } from './tracker';

/** What the opt-in script needs on a financial firm's page: whose page it is, and the platforms' code to look for. */
export const FirmPageConfig = v.object({
  firm: v.pick(Entity, ['id', 'name', 'kind']),
  trackers: v.array(TrackerRule),
});
export type FirmPageConfig = v.InferOutput<typeof FirmPageConfig>;
