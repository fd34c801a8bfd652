import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Entity } from '../../utils/model/entity';
import type { Rule } from '../../utils/model/rule';
import type { FeatureKind } from '../../utils/model/vocabulary';
import { rewritePostings, type PartnerPostings, type ScopePostings } from './postings';

/** Where a stored record came from: the bundled list is replaced on update, imports are kept. */
export type Origin = 'bundled' | 'imported';

export interface StoredArrangement extends Arrangement {
  origin: Origin;
}
export type StoredEntity = Entity & { origin: Origin };
export type StoredRule = Rule & { origin: Origin };

/** One day's count of a feature kind seen on a platform. */
export interface HistoryRow {
  day: string;
  platform: string;
  feature: FeatureKind;
  count: number;
  /** Only when the user opted in to recording URLs. */
  urls?: string[];
}

export interface MetaRow {
  key: 'bundledVersion' | 'importedVersion' | 'updatedAt';
  value: string;
}

export interface LedgerDB extends DBSchema {
  arrangements: {
    key: string;
    value: StoredArrangement;
    indexes: { 'by-origin': Origin };
  };
  /** Matching's inverted index, rewritten in the transaction that changes the list (see postings.ts). */
  'partner-postings': { key: string; value: PartnerPostings };
  'scope-postings': { key: string; value: ScopePostings };
  entities: { key: string; value: StoredEntity; indexes: { 'by-origin': Origin } };
  rules: { key: string; value: StoredRule; indexes: { 'by-origin': Origin } };
  meta: { key: MetaRow['key']; value: MetaRow };
  history: { key: [string, string, string]; value: HistoryRow; indexes: { 'by-day': string } };
}

export const DB_NAME = 'ledgerlight';
export const DB_VERSION = 2;

export type LedgerDatabase = IDBPDatabase<LedgerDB>;

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

export function toStored(a: Arrangement, origin: Origin): StoredArrangement {
  return { ...a, origin };
}

export function fromStored({ origin: _o, ...a }: StoredArrangement): Arrangement {
  return a;
}
