import { openDB, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, type LedgerDB, type LedgerDatabase, type StoredArrangement } from './schema';
import { rewritePostings } from './postings';

/**
 * Opens the database, climbing the upgrade ladder so that a database of any earlier version
 * reaches today's shape with the user's imports and history intact.
 */
export function openLedgerDB(name = DB_NAME, onBlocked?: () => void): Promise<LedgerDatabase> {
  return openDB<LedgerDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        // Version 1 also had the two matching indexes that version 2 retires; a new database skips them.
        db.createObjectStore('arrangements', { keyPath: 'id' }).createIndex('by-origin', 'origin');
        db.createObjectStore('entities', { keyPath: 'id' }).createIndex('by-origin', 'origin');
        db.createObjectStore('rules', { keyPath: 'id' }).createIndex('by-origin', 'origin');
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('history', { keyPath: ['day', 'platform', 'feature'] }).createIndex('by-day', 'day');
      }
      if (oldVersion < 2) {
        // Version 1 matched through multiEntry indexes of "platform|partner" and "platform|feature"
        // pairs; Chromium walks every index entry a read returns, so a page matching hundreds of
        // arrangements took milliseconds. Postings answer the same question in a few small reads.
        db.createObjectStore('partner-postings', { keyPath: 'partner' });
        db.createObjectStore('scope-postings', { keyPath: 'scope' });
        if (oldVersion === 1) {
          const arrangements = transaction.objectStore('arrangements');
          arrangements.deleteIndex('by-platform-partner');
          arrangements.deleteIndex('by-platform-feature');
          // An upgrade either reaches version 2 whole or leaves version 1 as it was.
          postingsFromVersion1(transaction).catch(() => transaction.abort());
        }
      }
    },
    blocked: onBlocked,
  });
}

/**
 * Drops the version 1 index keys from every stored arrangement (export would show them otherwise)
 * and files each one in the postings, inside the upgrade transaction.
 */
async function postingsFromVersion1(transaction: IDBPTransaction<LedgerDB, StoreNames<LedgerDB>[], 'versionchange'>) {
  const changes: { after: StoredArrangement }[] = [];
  for (let cursor = await transaction.objectStore('arrangements').openCursor(); cursor; cursor = await cursor.continue()) {
    const { platformPartners: _p, platformFeatures: _f, ...arrangement } = cursor.value as StoredArrangement & Record<'platformPartners' | 'platformFeatures', unknown>;
    await cursor.update(arrangement);
    changes.push({ after: arrangement });
  }
  await rewritePostings(transaction, changes);
}
