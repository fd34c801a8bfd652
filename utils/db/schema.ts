import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Arrangement } from '../model/arrangement';
import type { Entity } from '../model/entity';
import type { Rule } from '../model/rule';
import type { FeatureKind } from '../model/vocabulary';

/** Where a stored record came from: the bundled list is replaced on update, imports are kept. */
export type Origin = 'bundled' | 'imported';

export interface StoredArrangement extends Arrangement {
  origin: Origin;
  /** "platform|partner" pairs: matching looks these up through an index, never by scanning. */
  platformPartners: string[];
  /** "platform|feature" pairs, for the same reason. */
  platformFeatures: string[];
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
    indexes: { 'by-platform-partner': string; 'by-platform-feature': string; 'by-origin': Origin };
  };
  entities: { key: string; value: StoredEntity; indexes: { 'by-origin': Origin } };
  rules: { key: string; value: StoredRule; indexes: { 'by-origin': Origin } };
  meta: { key: MetaRow['key']; value: MetaRow };
  history: { key: [string, string, string]; value: HistoryRow; indexes: { 'by-day': string } };
}

export const DB_NAME = 'ledgerlight';
export const DB_VERSION = 1;

export type LedgerDatabase = IDBPDatabase<LedgerDB>;

/**
 * Opens the database, climbing the upgrade ladder so that a database of any earlier version
 * reaches today's shape with the user's imports and history intact.
 */
export function openLedgerDB(name = DB_NAME, onBlocked?: () => void): Promise<LedgerDatabase> {
  return openDB<LedgerDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const arrangements = db.createObjectStore('arrangements', { keyPath: 'id' });
        arrangements.createIndex('by-platform-partner', 'platformPartners', { multiEntry: true });
        arrangements.createIndex('by-platform-feature', 'platformFeatures', { multiEntry: true });
        arrangements.createIndex('by-origin', 'origin');
        db.createObjectStore('entities', { keyPath: 'id' }).createIndex('by-origin', 'origin');
        db.createObjectStore('rules', { keyPath: 'id' }).createIndex('by-origin', 'origin');
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('history', { keyPath: ['day', 'platform', 'feature'] }).createIndex('by-day', 'day');
      }
    },
    blocked: onBlocked,
  });
}

export function toStored(a: Arrangement, origin: Origin): StoredArrangement {
  return {
    ...a,
    origin,
    platformPartners: a.partners.map((p) => `${a.platform}|${p}`),
    platformFeatures: a.features.map((f) => `${a.platform}|${f}`),
  };
}

export function fromStored({ origin: _o, platformPartners: _p, platformFeatures: _f, ...a }: StoredArrangement): Arrangement {
  return a;
}
