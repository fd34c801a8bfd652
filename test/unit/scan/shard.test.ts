// @vitest-environment node
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScanArgs } from '../../../tools/scan/options';
import { inShard, parseShard } from '../../../tools/scan/shard';

/** Which shard takes each of `pages` positions; every position must be taken exactly once. */
const owners = (shards: { index: number; count: number }[], pages: number) =>
  Array.from({ length: pages }, (_, position) => shards.filter((shard) => inShard(shard, position)).map((s) => s.index));

describe('--shard I/N', () => {
  it('N slices take every page exactly once, in slices that differ by at most one page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 500 }), (count, pages) => {
        const shards = Array.from({ length: count }, (_, index) => parseShard(`${index}/${count}`));
        expect(owners(shards, pages).every((taken) => taken.length === 1)).toBe(true);
        const sizes = shards.map((shard) => owners([shard], pages).filter((t) => t.length).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each(['4/4', '-1/4', '1/0', 'a/b', '1'])('refuses %s', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard/);
  });
});

describe('the Kubernetes Indexed Job manifest', () => {
  const job = parse(readFileSync('tools/scan/cluster/scan-job.yaml', 'utf8')) as {
    spec: { completionMode: string; completions: number; template: { spec: { containers: { args: string[] }[] } } };
  };
  const args = job.spec.template.spec.containers[0]!.args;
  /** What the kubelet does to the arguments: `$(JOB_COMPLETION_INDEX)` becomes the pod's index. */
  const podArgs = (index: number) => args.map((arg) => arg.replaceAll('$(JOB_COMPLETION_INDEX)', String(index)));

  it('is an Indexed Job whose pods, index by index, scan every page exactly once', () => {
    expect(job.spec.completionMode).toBe('Indexed');
    const shards = Array.from({ length: job.spec.completions }, (_, index) => parseScanArgs(podArgs(index)).shard);
    expect(shards.map((s) => s.index)).toEqual([...shards.keys()]);
    expect(new Set(shards.map((s) => s.count))).toEqual(new Set([job.spec.completions]));
    expect(owners(shards, 1_000).every((taken) => taken.length === 1)).toBe(true);
  });

  it('gives each pod an output of its own that it can resume', () => {
    const outputs = Array.from({ length: job.spec.completions }, (_, index) => parseScanArgs(podArgs(index)));
    expect(new Set(outputs.map((o) => o.output)).size).toBe(job.spec.completions);
    for (const o of outputs) expect(o).toMatchObject({ resume: true, format: 'jsonl' });
  });
});
