import { unwrap } from 'idb';
import type { LedgerDatabase, PartnerPostings, ScopePostings } from './db/schema';
import { MAX_BECAUSE, type Detection } from '../utils/model/detection';
import type { FeatureKind } from '../utils/model/vocabulary';
import type { Finding, PagePlatform } from '../utils/model/finding';

/**
 * The postings a page needs, however they were read: IndexedDB in the extension, a scan of the
 * whole list in the benchmark's reference.
 */
export interface PostingsView {
  /** Ids of arrangements about this scope that name this partner, in id order. */
  partner(partner: string, scope: string): readonly string[] | undefined;
  /** Ids of arrangements about this scope that list this feature kind, in id order. */
  feature(scope: string, feature: FeatureKind): readonly string[] | undefined;
}

/**
 * Which arrangements a page's detections make apply. An arrangement is about this page only when
 * the page shows something of its own:
 * - one of its partners, in a feature the arrangement covers (a PayPal checkout script brings
 *   PayPal's checkout arrangements, not the Libra association PayPal once joined for a wallet);
 * - or, on its platform (or the platform's owner), a feature of the platform's own, one that names
 *   no outside firm (Messenger's own "Send money", Meta Pay's settings route).
 * A detection that names a firm is about that firm: a Google Pay button on YouTube is checkout,
 * but it says nothing about YouTube's Shopify deal, which would name a firm nowhere on the page.
 *
 * Findings come in the order first found: by detection, the platform before its owner and 'any',
 * ids in order within each.
 */
export function findingsFrom(page: PagePlatform, detections: readonly Detection[], postings: PostingsView): Finding[] {
  const found = new Map<string, Finding>();
  for (const d of detections) {
    for (const { scope, via } of scopesOf(page, d)) {
      const covering = postings.feature(scope, d.feature);
      if (!covering?.length) continue;
      if (d.partners.length) {
        for (const partner of d.partners) {
          const naming = postings.partner(partner, scope);
          if (naming) credit(found, naming.filter((id) => covering.includes(id)), via, d, partner);
        }
      } else credit(found, covering, via, d);
    }
  }
  return [...found.values()];
}

/** The scopes a detection may find arrangements in: 'any' only through a partner it names. */
function scopesOf(page: PagePlatform, d: Detection): { scope: string; via: Finding['via'] }[] {
  const scopes: { scope: string; via: Finding['via'] }[] = [{ scope: page.id, via: 'platform' }];
  if (page.owner) scopes.push({ scope: page.owner, via: 'owner' });
  if (d.partners.length) scopes.push({ scope: 'any', via: 'any' });
  return scopes;
}

function credit(found: Map<string, Finding>, ids: readonly string[], via: Finding['via'], d: Detection, partner?: string) {
  for (const arrangementId of ids) {
    let f = found.get(arrangementId);
    if (!f) found.set(arrangementId, (f = { arrangementId, via, ruleIds: [], partners: [], features: [], because: [] }));
    addMissing(f.ruleIds, d.ruleId);
    if (partner) addMissing(f.partners, partner);
    addMissing(f.features, d.feature);
    for (const signal of d.signals) {
      if (f.because.length >= MAX_BECAUSE) break;
      if (!f.because.some((s) => s.kind === signal.kind && s.evidence === signal.evidence)) f.because.push({ kind: signal.kind, evidence: signal.evidence });
    }
  }
}

function addMissing<T>(to: T[], value: T) {
  if (!to.includes(value)) to.push(value);
}

/**
 * Looks detections up in the postings (see findingsFrom for when an arrangement applies).
 *
 * A page costs one read per partner it names and one per scope (platform, owner, 'any'), however
 * many arrangements match: in Chromium each read costs about as much as walking seven index
 * entries, or a hundred ids inside a record, so fewer, fuller records win. All reads are queued
 * at once in one transaction, and only the postings are read, never the arrangements.
 */
export async function matchFindings(db: LedgerDatabase, page: PagePlatform, detections: readonly Detection[]): Promise<Finding[]> {
  if (!detections.length) return [];
  const partners = new Set(detections.flatMap((d) => d.partners));
  const scopes = new Set([page.id, ...(page.owner ? [page.owner] : []), ...(partners.size ? ['any'] : [])]);
  const { byPartner, byScope } = await readPostings(db, partners, scopes);
  return findingsFrom(page, detections, { partner: (p, s) => byPartner.get(p)?.[s], feature: (s, f) => byScope.get(s)?.[f] });
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
