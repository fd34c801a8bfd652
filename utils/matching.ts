import type { LedgerDatabase } from './db/schema';
import type { Detection } from './model/detection';
import type { FeatureKind } from './model/vocabulary';

/** An arrangement that applies to what was detected on a page, and why. */
export interface Finding {
  arrangementId: string;
  /** How the arrangement's platform relates to the page: the page's own platform, its owner, or any site. */
  via: 'platform' | 'owner' | 'any';
  ruleIds: string[];
  partners: string[];
  features: FeatureKind[];
}

export interface PagePlatform {
  id: string;
  owner?: string;
}

/** One key to read from an index, and every detection that needs it. */
interface Lookup {
  index: 'by-platform-partner' | 'by-platform-feature';
  key: string;
  via: Finding['via'];
  askedBy: { ruleId: string; partner?: string; feature?: FeatureKind }[];
}

/**
 * The index keys a page's detections need, each once: a page often shows several controls of the
 * same feature kind or the same partner twice, and every read costs the browser a walk of the
 * index entries under that key.
 */
export function lookupsFor(page: PagePlatform, detections: readonly Detection[]): Lookup[] {
  const scopes: { key: string; via: Finding['via'] }[] = [{ key: page.id, via: 'platform' }];
  if (page.owner) scopes.push({ key: page.owner, via: 'owner' });
  const lookups = new Map<string, Lookup>();
  const ask = (index: Lookup['index'], key: string, via: Finding['via'], asker: Lookup['askedBy'][number]) => {
    const id = `${index} ${key}`;
    let lookup = lookups.get(id);
    if (!lookup) lookups.set(id, (lookup = { index, key, via, askedBy: [] }));
    lookup.askedBy.push(asker);
  };
  for (const d of detections) {
    for (const scope of scopes) {
      ask('by-platform-feature', `${scope.key}|${d.feature}`, scope.via, { ruleId: d.ruleId, feature: d.feature });
      for (const partner of d.partners) ask('by-platform-partner', `${scope.key}|${partner}`, scope.via, { ruleId: d.ruleId, partner });
    }
    for (const partner of d.partners) ask('by-platform-partner', `any|${partner}`, 'any', { ruleId: d.ruleId, partner });
  }
  return [...lookups.values()];
}

/**
 * Looks detections up through the "platform|partner" and "platform|feature" indexes. An
 * arrangement applies when it is about this platform (or its owner) and shares a partner or a
 * feature kind with a detection. Arrangements made for 'any' platform need a partner in common:
 * a feature kind alone says nothing about which firm is involved.
 *
 * Every read is queued at once in one transaction, so the browser answers them back to back
 * rather than one round trip after another; only index keys are read, never the arrangements.
 */
export async function matchFindings(db: LedgerDatabase, page: PagePlatform, detections: readonly Detection[]): Promise<Finding[]> {
  const lookups = lookupsFor(page, detections);
  if (!lookups.length) return [];

  const found = new Map<string, Finding>();
  const note = (id: string, { via, askedBy }: Lookup) => {
    let f = found.get(id);
    if (!f) found.set(id, (f = { arrangementId: id, via, ruleIds: [], partners: [], features: [] }));
    for (const { ruleId, partner, feature } of askedBy) {
      if (!f.ruleIds.includes(ruleId)) f.ruleIds.push(ruleId);
      if (partner && !f.partners.includes(partner)) f.partners.push(partner);
      if (feature && !f.features.includes(feature)) f.features.push(feature);
    }
  };

  const tx = db.transaction('arrangements', 'readonly');
  await Promise.all([
    ...lookups.map((lookup) =>
      tx.store
        .index(lookup.index)
        .getAllKeys(lookup.key)
        .then((ids) => ids.forEach((id) => note(id, lookup))),
    ),
    tx.done,
  ]);
  return [...found.values()].sort((a, b) => a.arrangementId.localeCompare(b.arrangementId));
}
