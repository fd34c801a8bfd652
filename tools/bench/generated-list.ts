import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Arrangement } from '../../utils/model/arrangement';
import { DATA_CATEGORIES, FEATURE_KINDS, STATUSES, type FeatureKind } from '../../utils/model/vocabulary';
import { PLATFORMS } from '../../utils/platforms';

interface EntityFile {
  entities: { id: string; kind: string }[];
}

/** Financial entities of the bundled list: generated arrangements only name parties that exist. */
function financialEntityIds(dataDir = resolve('public/data')): string[] {
  const file = JSON.parse(readFileSync(resolve(dataDir, 'entities.json'), 'utf8')) as EntityFile;
  return file.entities.filter((e) => e.kind !== 'platform' && e.kind !== 'owner').map((e) => e.id);
}

/** One valid arrangement with the given parties; the text is filler, the shape is the real one. */
export function generatedArrangement(n: number, platform: string, partners: string[], features: FeatureKind[]): Arrangement {
  const score = { value: n % 5, reason: 'Generated for the benchmark.' };
  return {
    id: `bench-${platform}-${n}`,
    title: `Benchmark arrangement ${n} between ${platform} and ${partners.join(', ')}`,
    summary: `A generated arrangement used to measure matching and the popup with a large list (${n}).`,
    platform,
    partners,
    features,
    flows: [{ from: platform === 'any' ? partners[0]! : platform, to: partners[0]!, data: [DATA_CATEGORIES[n % DATA_CATEGORIES.length]!], purpose: 'Measurement only.' }],
    regions: ['global'],
    status: STATUSES[n % STATUSES.length]!,
    since: `20${10 + (n % 15)}-0${1 + (n % 9)}`,
    statements: [],
    scores: { control: score, collection: score, retention: score, deletion: score },
    userControls: [],
    sources: [{ publisher: 'Ledgerlight benchmark', title: `Generated source ${n}`, url: `https://ledgerlight.invalid/bench/${n}`, published: '2026-01-01' }],
    lastReviewed: '2026-01-01',
    verified: false,
  };
}

/**
 * A large list spread the way a real one would be: every platform, its owner and 'any', one or
 * two partners among the bundled firms and hundreds of smaller banks, one to three feature kinds.
 * Deterministic, so runs compare.
 */
export function generatedList(size: number, known = financialEntityIds()): Arrangement[] {
  const partners = [...known, ...Array.from({ length: 400 }, (_, i) => `regional-bank-${i}`)];
  const scopes = [...PLATFORMS.map((p) => p.id), ...new Set(PLATFORMS.flatMap((p) => (p.owner ? [p.owner] : []))), 'any'];
  return Array.from({ length: size }, (_, n) => {
    const chosen = [...new Set([partners[n % partners.length]!, partners[(n * 7 + 3) % partners.length]!].slice(0, 1 + (n % 2)))];
    const features = [...new Set([FEATURE_KINDS[n % FEATURE_KINDS.length]!, FEATURE_KINDS[(n * 5 + 1) % FEATURE_KINDS.length]!].slice(0, 1 + (n % 3)))];
    return generatedArrangement(n, scopes[(n * 13) % scopes.length]!, chosen, features);
  });
}
