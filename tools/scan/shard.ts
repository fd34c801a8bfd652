/** The I-th (from 0) of N slices of the input, for runs split across processes or machines. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Reads `I/N`. On Kubernetes the manifest writes `--shard $(JOB_COMPLETION_INDEX)/N` and the
 * kubelet puts each pod's completion index in its place, so every pod gets its own slice.
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`--shard is I/N, e.g. 0/4 for the first of four slices, not ${JSON.stringify(text)}.`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index >= count) throw new Error(`--shard ${text}: I counts from 0 and must be below N.`);
  return { index, count };
}

/**
 * Whether the page at this position of the whole input belongs to the shard. Dealt round-robin
 * rather than in blocks: neighbouring pages (one site's, one archive's) are often alike in cost,
 * and dealing them out keeps the slices' running times close. Every page is in exactly one slice.
 */
export const inShard = (shard: Shard, position: number) => position % shard.count === shard.index;
