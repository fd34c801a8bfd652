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

/** Credits every detection that asked a question to an arrangement that answers it. */
export function creditFinding(found: Map<string, Finding>, arrangementId: string, { via, askedBy }: Lookup): void {
  let f = found.get(arrangementId);
  if (!f) found.set(arrangementId, (f = { arrangementId, via, ruleIds: [], partners: [], features: [] }));
  for (const { ruleId, partner, feature } of askedBy) {
    if (!f.ruleIds.includes(ruleId)) f.ruleIds.push(ruleId);
    if (partner && !f.partners.includes(partner)) f.partners.push(partner);
    if (feature && !f.features.includes(feature)) f.features.push(feature);
  }
}

/** One question to the postings, and every detection that asks it. */
export interface Lookup {
  /** A partner named under a platform scope, or a feature kind shown on one. */
  kind: 'partner' | 'feature';
  scope: string;
  value: string;
  via: Finding['via'];
  askedBy: { ruleId: string; partner?: string; feature?: FeatureKind }[];
}

/**
 * The questions a page's detections ask, each once and in the order first asked: a page often
 * shows several controls of the same feature kind or the same partner twice.
 */
export function lookupsFor(page: PagePlatform, detections: readonly Detection[]): Lookup[] {
  const scopes: { key: string; via: Finding['via'] }[] = [{ key: page.id, via: 'platform' }];
  if (page.owner) scopes.push({ key: page.owner, via: 'owner' });
  const lookups = new Map<string, Lookup>();
  const ask = (kind: Lookup['kind'], scope: string, value: string, via: Finding['via'], asker: Lookup['askedBy'][number]) => {
    const id = `${kind} ${scope}|${value}`;
    let lookup = lookups.get(id);
    if (!lookup) lookups.set(id, (lookup = { kind, scope, value, via, askedBy: [] }));
    lookup.askedBy.push(asker);
  };
  for (const d of detections) {
    for (const scope of scopes) {
      ask('feature', scope.key, d.feature, scope.via, { ruleId: d.ruleId, feature: d.feature });
      for (const partner of d.partners) ask('partner', scope.key, partner, scope.via, { ruleId: d.ruleId, partner });
    }
    for (const partner of d.partners) ask('partner', 'any', partner, 'any', { ruleId: d.ruleId, partner });
  }
  return [...lookups.values()];
}

/**
 * Looks detections up in the postings. An arrangement applies when it is about this platform (or
 * its owner) and shares a partner or a feature kind with a detection. Arrangements made for 'any'
 * platform need a partner in common: a feature kind alone says nothing about which firm is involved.
 *
 * A page costs one read per partner it names and one per scope it shows features on (five for a
 * busy shop page), however many arrangements match: in Chromium each read costs about as much as
 * walking seven index entries, or a hundred ids inside a record, so fewer, fuller records win.
 * All reads are queued at once in one transaction, and only the postings are read, never the
 * arrangements.
 */
export async function matchFindings(db: LedgerDatabase, page: PagePlatform, detections: readonly Detection[]): Promise<Finding[]> {
  const lookups = lookupsFor(page, detections);
  if (!lookups.length) return [];
  const partners = [...new Set(lookups.filter((l) => l.kind === 'partner').map((l) => l.value))];
  const scopes = [...new Set(lookups.filter((l) => l.kind === 'feature').map((l) => l.scope))];

  const tx = db.transaction(['partner-postings', 'scope-postings'], 'readonly');
  // A read-only transaction has nothing to commit: its answers are final when they arrive, and
  // waiting for its end costs another round trip (about 0.3 ms, a third of the budget). A failed
  // read rejects below; the end is observed only so that the same failure is not reported twice.
  tx.done.catch(() => undefined);
  const [partnerPostings, scopePostings] = await Promise.all([
    Promise.all(partners.map((p) => tx.objectStore('partner-postings').get(p))),
    Promise.all(scopes.map((s) => tx.objectStore('scope-postings').get(s))),
  ]);
  const byPartner = new Map(partnerPostings.filter((r) => r !== undefined).map((r) => [r.partner, r.scopes]));
  const byScope = new Map(scopePostings.filter((r) => r !== undefined).map((r) => [r.scope, r.features]));

  const found = new Map<string, Finding>();
  for (const lookup of lookups) {
    const ids = lookup.kind === 'partner' ? byPartner.get(lookup.value)?.[lookup.scope] : byScope.get(lookup.scope)?.[lookup.value as FeatureKind];
    for (const id of ids ?? []) creditFinding(found, id, lookup);
  }
  return [...found.values()].sort(byArrangementId);
}

/**
 * Ids are lower-case ASCII, so code-unit order is a stable order; localeCompare collates through
 * ICU and took 0.3 ms for the bench page's 466 findings, a third of the matching budget.
 */
export function byArrangementId(a: Finding, b: Finding): number {
  return a.arrangementId < b.arrangementId ? -1 : a.arrangementId > b.arrangementId ? 1 : 0;
}
