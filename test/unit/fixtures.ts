import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBundled } from '@/background/bundled';
import type { Arrangement } from '@/utils/model/arrangement';

/** The list in public/data/, read and validated exactly as the background reads it. */
export function bundledFromDisk() {
  return loadBundled(async (file) => JSON.parse(await readFile(join(process.cwd(), 'public', file), 'utf8')));
}

/** A valid arrangement for tests; only what a test is about needs saying. */
export function sampleArrangement(over: Partial<Arrangement> & { id: string }): Arrangement {
  const score = { value: 2, reason: 'No retention period was published.' };
  return {
    title: `Sample arrangement ${over.id}`,
    summary: 'A test arrangement between a platform and a payment firm.',
    platform: 'facebook',
    partners: ['paypal'],
    features: ['checkout'],
    flows: [{ from: 'paypal', to: 'facebook', data: ['payment-transactions'], purpose: 'Testing.' }],
    regions: ['US'],
    status: 'active',
    since: '2016-10',
    statements: [],
    scores: { control: score, collection: score, retention: score, deletion: score },
    userControls: [],
    sources: [{ publisher: 'Example News', title: 'An article', url: 'https://news.example/article', published: '2016-10-24' }],
    lastReviewed: '2026-11-23',
    verified: true,
    ...over,
  };
}
