import { unwrap } from 'idb';
import type { LedgerDatabase, PartnerPostings, ScopePostings } from './db/schema';
import type { Detection } from '../utils/model/detection';
import type { FeatureKind } from '../utils/model/vocabulary';
import type { Finding, PagePlatform } from '../utils/model/finding';

/**
 * Credits the arrangements that answer one question to every detection that asked it. What the
 * askers bring (rule ids, partners, feature kinds) is gathered once per question, not once per
 * arrangement: one question on a busy page answers a hundred arrangements or more.
 */
export function creditFindings(found: Map<string, Finding>, arrangementIds: readonly string[], { via, askedBy }: Lookup): void {
  const ruleIds = [...new Set(askedBy.map((a) => a.ruleId))];
  const partners = [...new Set(askedBy.flatMap((a) => (a.partner ? [a.partner] : [])))];
  const features = [...new Set(askedBy.flatMap((a) => (a.feature ? [a.feature] : [])))];
  for (const arrangementId of arrangementIds) {
    const f = found.get(arrangementId);
    // Each finding gets arrays of its own, so that nobody sorting or adding to one changes another.
    if (!f) found.set(arrangementId, { arrangementId, via, ruleIds: [...ruleIds], partners: [...partners], features: [...features] });
    else {
      addMissing(f.ruleIds, ruleIds);
      addMissing(f.partners, partners);
      addMissing(f.features, features);
    }
  }
}

function addMissing<T>(to: T[], values: readonly T[]) {
  for (const v of values) if (!to.includes(v)) to.push(v);
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
  const partners = new Set(lookups.filter((l) => l.kind === 'partner').map((l) => l.value));
  const scopes = new Set(lookups.filter((l) => l.kind === 'feature').map((l) => l.scope));
  const { byPartner, byScope } = await readPostings(db, partners, scopes);

  const found = new Map<string, Finding>();
  for (const lookup of lookups) {
    const ids = lookup.kind === 'partner' ? byPartner.get(lookup.value)?.[lookup.scope] : byScope.get(lookup.scope)?.[lookup.value as FeatureKind];
    if (ids) creditFindings(found, ids, lookup);
  }
  // In the order first found, not sorted: by detection, the page's platform before its owner and
  // 'any', and within one question in id order (the order the postings keep). Sorting 466
  // findings by id took as long as crediting them (0.1 ms), and id order means nothing to a reader.
  return [...found.values()];
}

/**
 * The postings of these partners and scopes, read in one read-only transaction whose requests are
 * all queued at once. The requests are IndexedDB's own, not idb's promise wrappers: a page makes
 * five of them, and resolving one promise for all instead of one per request measured about
 * 0.05 to 0.1 ms less per page, a tenth of the budget. A read-only transaction has nothing to
 * commit, so its answers are final when they arrive; waiting for its end would cost another
 * round trip.
 */
export function readPostings(db: LedgerDatabase, partners: ReadonlySet<string>, scopes: ReadonlySet<string>) {
  const byPartner = new Map<string, PartnerPostings['scopes']>();
  const byScope = new Map<string, ScopePostings['features']>();
  return new Promise<{ byPartner: typeof byPartner; byScope: typeof byScope }>((resolve, reject) => {
    const tx = unwrap(db).transaction(['partner-postings', 'scope-postings'], 'readonly');
    let pending = partners.size + scopes.size;
    const answer = <T>(request: IDBRequest<T | undefined>, keep: (record: T) => void) => {
      request.onsuccess = () => {
        if (request.result !== undefined) keep(request.result);
        if (--pending === 0) resolve({ byPartner, byScope });
      };
    };
    // A failed request aborts the transaction; its error reaches the caller once.
    tx.onabort = () => reject(tx.error ?? new Error('the read of the postings was aborted'));
    for (const partner of partners) answer<PartnerPostings>(tx.objectStore('partner-postings').get(partner), (r) => byPartner.set(r.partner, r.scopes));
    for (const scope of scopes) answer<ScopePostings>(tx.objectStore('scope-postings').get(scope), (r) => byScope.set(r.scope, r.features));
  });
}
