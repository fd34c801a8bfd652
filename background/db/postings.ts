import type { IDBPTransaction, StoreNames } from 'idb';
import type { Arrangement } from '../../utils/model/arrangement';
import type { LedgerDB, PartnerPostings, ScopePostings } from './schema';

/** One arrangement as it was before a write and as it is after; either side is absent for an add or a delete. */
export interface ArrangementChange {
  before?: Pick<Arrangement, 'id' | 'platform' | 'partners' | 'features'>;
  after?: Pick<Arrangement, 'id' | 'platform' | 'partners' | 'features'>;
}

/** A transaction that writes the list: an import, a bundled install or reset, or the upgrade to version 2. */
type ListTransaction = IDBPTransaction<LedgerDB, ArrayLike<StoreNames<LedgerDB>>, 'readwrite' | 'versionchange'>;

/**
 * Brings the postings in step with arrangement writes made in the same transaction, so that they
 * commit or abort together with the list. Reads only the records the changed arrangements touch,
 * removes every "before" entry first and then adds every "after" entry, so an arrangement that
 * moves from one key to another, or is deleted and written again, ends up exactly where it is now.
 */
export async function rewritePostings(tx: ListTransaction, changes: readonly ArrangementChange[]): Promise<void> {
  const stores = { partners: tx.objectStore('partner-postings'), scopes: tx.objectStore('scope-postings') };
  const partnerKeys = new Set<string>();
  const scopeKeys = new Set<string>();
  for (const side of changes.flatMap((c) => [c.before, c.after])) {
    if (!side) continue;
    side.partners.forEach((p) => partnerKeys.add(p));
    if (side.features.length) scopeKeys.add(side.platform);
  }
  const [partnerRecords, scopeRecords] = await Promise.all([
    Promise.all([...partnerKeys].map(async (partner) => (await stores.partners.get(partner)) ?? { partner, scopes: {} })),
    Promise.all([...scopeKeys].map(async (scope) => (await stores.scopes.get(scope)) ?? { scope, features: {} })),
  ]);
  const byPartner = new Map(partnerRecords.map((r) => [r.partner, r]));
  const byScope = new Map(scopeRecords.map((r) => [r.scope, r]));

  const edit = (edit: typeof remove) => (a: NonNullable<ArrangementChange['after']>) => {
    for (const p of a.partners) edit(byPartner.get(p)!.scopes, a.platform, a.id);
    for (const f of a.features) edit(byScope.get(a.platform)!.features, f, a.id);
  };
  changes.forEach((c) => c.before && edit(remove)(c.before));
  changes.forEach((c) => c.after && edit(insert)(c.after));

  await Promise.all([
    ...partnerRecords.map((r) => (Object.keys(r.scopes).length ? stores.partners.put(r) : stores.partners.delete(r.partner))),
    ...scopeRecords.map((r) => (Object.keys(r.features).length ? stores.scopes.put(r) : stores.scopes.delete(r.scope))),
  ]);
}

/**
 * Ids stay in IndexedDB's key order (code units, as `<` compares strings), the order an index
 * returned them in before postings existed, so findings keep their order.
 */
function insert<K extends string>(lists: Partial<Record<K, string[]>>, key: K, id: string) {
  const ids = (lists[key] ??= []);
  let at = ids.length;
  while (at > 0 && ids[at - 1]! > id) at--;
  if (ids[at - 1] !== id) ids.splice(at, 0, id);
}

function remove<K extends string>(lists: Partial<Record<K, string[]>>, key: K, id: string) {
  const ids = lists[key]?.filter((x) => x !== id);
  if (ids?.length) lists[key] = ids;
  else delete lists[key];
}
