import type { FullDataset } from '../../utils/model/dataset';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Entity } from '../../utils/model/entity';
import type { Rule } from '../../utils/model/rule';
import { fromStored, toStored, type LedgerDatabase, type Origin, type StoredArrangement } from './schema';
import { allOrNothing } from './all-or-nothing';
import { rewritePostings, type ArrangementChange } from './postings';
import type { ImportChanges } from '../../utils/model/list-summary';

const LIST_STORES = ['arrangements', 'entities', 'rules', 'meta', 'partner-postings', 'scope-postings'] as const;

/** Everything stored, as one list: what export writes and what an import is checked against. */
export async function readList(db: LedgerDatabase): Promise<FullDataset & { origins: Record<string, Origin> }> {
  const tx = db.transaction(['arrangements', 'entities', 'rules', 'meta'], 'readonly');
  const [arrangements, entities, rules, imported, bundled] = await Promise.all([
    tx.objectStore('arrangements').getAll(),
    tx.objectStore('entities').getAll(),
    tx.objectStore('rules').getAll(),
    tx.objectStore('meta').get('importedVersion'),
    tx.objectStore('meta').get('bundledVersion'),
    tx.done,
  ]);
  const origins: Record<string, Origin> = {};
  for (const a of arrangements) origins[`arrangement:${a.id}`] = a.origin;
  return {
    version: imported?.value ?? bundled?.value ?? '0',
    arrangements: arrangements.map(fromStored),
    entities: entities.map(({ origin: _o, ...e }) => e),
    rules: rules.map(({ origin: _o, ...r }) => r),
    origins,
  };
}

/**
 * Copies the bundled list into the database in one transaction. 'update' replaces what came from
 * the previous bundle but keeps what the user imported; 'reset' drops the imports too.
 */
export async function installBundled(db: LedgerDatabase, bundled: FullDataset, mode: 'update' | 'reset'): Promise<void> {
  const tx = db.transaction(LIST_STORES, 'readwrite');
  const stores = {
    arrangements: tx.objectStore('arrangements'),
    entities: tx.objectStore('entities'),
    rules: tx.objectStore('rules'),
  };
  const keep = { arrangements: new Set<string>(), entities: new Set<string>(), rules: new Set<string>() };
  const changes: ArrangementChange[] = [];
  const pending: Promise<unknown>[] = [];
  await allOrNothing(tx, pending, async () => {
    if (mode === 'reset') {
      pending.push(stores.arrangements.clear(), stores.entities.clear(), stores.rules.clear(), tx.objectStore('partner-postings').clear(), tx.objectStore('scope-postings').clear());
      pending.push(tx.objectStore('meta').delete('importedVersion'));
    } else {
      for (const name of ['entities', 'rules'] as const) {
        // The two stores share the 'by-origin' index; idb's types cannot see that through a union.
        const store = stores[name] as unknown as OriginIndexed;
        pending.push(
          store.index('by-origin').getAllKeys('bundled').then((keys) => Promise.all(keys.map((k) => store.delete(k)))),
          store.index('by-origin').getAllKeys('imported').then((keys) => keys.forEach((k) => keep[name].add(k))),
        );
      }
      // The previous bundle's arrangements are read whole: the postings must forget where they were filed.
      pending.push(
        stores.arrangements
          .index('by-origin')
          .getAll('bundled')
          .then((old) => {
            changes.push(...old.map((a) => ({ before: a })));
            return Promise.all(old.map((a) => stores.arrangements.delete(a.id)));
          }),
        stores.arrangements.index('by-origin').getAllKeys('imported').then((keys) => keys.forEach((k) => keep.arrangements.add(k))),
      );
      await Promise.all(pending);
      pending.length = 0;
    }
    for (const a of bundled.arrangements) {
      if (keep.arrangements.has(a.id)) continue;
      pending.push(stores.arrangements.put(toStored(a, 'bundled')));
      changes.push({ after: a });
    }
    for (const e of bundled.entities) if (!keep.entities.has(e.id)) pending.push(stores.entities.put({ ...e, origin: 'bundled' }));
    for (const r of bundled.rules) if (!keep.rules.has(r.id)) pending.push(stores.rules.put({ ...r, origin: 'bundled' }));
    pending.push(rewritePostings(tx, changes));
    pending.push(tx.objectStore('meta').put({ key: 'bundledVersion', value: bundled.version }));
    pending.push(tx.objectStore('meta').put({ key: 'updatedAt', value: new Date().toISOString() }));
    await Promise.all([...pending, tx.done]);
  });
}

interface OriginIndexed {
  index(name: 'by-origin'): { getAllKeys(origin: Origin): Promise<string[]> };
  delete(key: string): Promise<void>;
}

type Part = { arrangements: Arrangement[]; entities: Entity[]; rules: Rule[] };

/** What importing `incoming` over `current` would add and change, for the preview. */
export function diffImport(current: Part, incoming: Partial<Part> & { version: string }): ImportChanges {
  const changes: ImportChanges = {
    version: incoming.version,
    added: { arrangements: [], entities: [], rules: [] },
    changed: { arrangements: [], entities: [], rules: [] },
    unchanged: 0,
  };
  for (const name of ['arrangements', 'entities', 'rules'] as const) {
    const existing = new Map<string, unknown>(current[name].map((x) => [x.id, x]));
    for (const item of incoming[name] ?? []) {
      const before = existing.get(item.id);
      if (!before) changes.added[name].push(item.id);
      else if (stableJson(before) !== stableJson(item)) changes.changed[name].push(item.id);
      else changes.unchanged++;
    }
  }
  return changes;
}

/** Writes an already validated import in one transaction: all of it lands, or none. */
export async function writeImport(db: LedgerDatabase, incoming: Partial<Part> & { version: string }): Promise<void> {
  const tx = db.transaction(LIST_STORES, 'readwrite');
  const writes: Promise<unknown>[] = [];
  await allOrNothing(tx, writes, async () => {
    const arrangements = incoming.arrangements ?? [];
    const store = tx.objectStore('arrangements');
    // What each replaced arrangement was filed under, so the postings can forget it.
    for (const a of arrangements) writes.push(store.get(a.id));
    const changes = (await Promise.all(writes)).map((old, i): ArrangementChange => ({ before: old as StoredArrangement | undefined, after: arrangements[i] }));
    writes.length = 0;
    for (const a of arrangements) writes.push(store.put(toStored(a, 'imported')));
    writes.push(rewritePostings(tx, changes));
    for (const e of incoming.entities ?? []) writes.push(tx.objectStore('entities').put({ ...e, origin: 'imported' }));
    for (const r of incoming.rules ?? []) writes.push(tx.objectStore('rules').put({ ...r, origin: 'imported' }));
    writes.push(tx.objectStore('meta').put({ key: 'importedVersion', value: incoming.version }));
    writes.push(tx.objectStore('meta').put({ key: 'updatedAt', value: new Date().toISOString() }));
    await Promise.all([...writes, tx.done]);
  });
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
