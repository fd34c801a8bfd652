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

/**
 * Looks detections up through the "platform|partner" and "platform|feature" indexes. An
 * arrangement applies when it is about this platform (or its owner) and shares a partner or a
 * feature kind with a detection. Arrangements made for 'any' platform need a partner in common:
 * a feature kind alone says nothing about which firm is involved.
 */
export async function matchFindings(db: LedgerDatabase, page: PagePlatform, detections: readonly Detection[]): Promise<Finding[]> {
  const scopes: { key: string; via: Finding['via'] }[] = [{ key: page.id, via: 'platform' }];
  if (page.owner) scopes.push({ key: page.owner, via: 'owner' });

  const tx = db.transaction('arrangements', 'readonly');
  const byPartner = tx.store.index('by-platform-partner');
  const byFeature = tx.store.index('by-platform-feature');
  const found = new Map<string, Finding>();
  const lookups: Promise<void>[] = [];

  const note = (id: string, via: Finding['via'], d: Detection, partner?: string) => {
    let f = found.get(id);
    if (!f) found.set(id, (f = { arrangementId: id, via, ruleIds: [], partners: [], features: [] }));
    if (!f.ruleIds.includes(d.ruleId)) f.ruleIds.push(d.ruleId);
    if (partner && !f.partners.includes(partner)) f.partners.push(partner);
    if (!partner && !f.features.includes(d.feature)) f.features.push(d.feature);
  };
  const lookup = (index: { getAllKeys(key: string): Promise<string[]> }, key: string, via: Finding['via'], d: Detection, partner?: string) =>
    lookups.push(index.getAllKeys(key).then((ids) => ids.forEach((id) => note(id, via, d, partner))));

  for (const d of detections) {
    for (const scope of scopes) {
      lookup(byFeature, `${scope.key}|${d.feature}`, scope.via, d);
      for (const p of d.partners) lookup(byPartner, `${scope.key}|${p}`, scope.via, d, p);
    }
    for (const p of d.partners) lookup(byPartner, `any|${p}`, 'any', d, p);
  }
  await Promise.all([...lookups, tx.done]);
  return [...found.values()].sort((a, b) => a.arrangementId.localeCompare(b.arrangementId));
}
