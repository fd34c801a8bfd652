import type { DBSchema, IDBPDatabase } from 'idb';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Entity } from '../../utils/model/entity';
import type { Rule } from '../../utils/model/rule';
import type { FeatureKind } from '../../utils/model/vocabulary';
import type { HistoryRow } from '../../utils/model/history';

/** Where a stored record came from: the bundled list is replaced on update, imports are kept. */
export type Origin = 'bundled' | 'imported';

export interface StoredArrangement extends Arrangement {
  origin: Origin;
}
export type StoredEntity = Entity & { origin: Origin };
export type StoredRule = Rule & { origin: Origin };

/** One day's count of a feature kind seen on a platform. */
export interface MetaRow {
  key: 'bundledVersion' | 'importedVersion' | 'updatedAt';
  value: string;
}

/**
 * The arrangements naming one partner firm, by the platform scope they are about (a platform, an
 * owner, or 'any'). One record answers "which arrangements share this partner with the page"
 * for the page's platform, its owner and 'any' at once.
 */
export interface PartnerPostings {
  partner: string;
  scopes: Record<string, string[]>;
}

/**
 * The arrangements about one platform scope, by feature kind. There are few feature kinds, so one
 * record answers every feature a page shows.
 */
export interface ScopePostings {
  scope: string;
  features: Partial<Record<FeatureKind, string[]>>;
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

export function toStored(a: Arrangement, origin: Origin): StoredArrangement {
  return { ...a, origin };
}

export function fromStored({ origin: _o, ...a }: StoredArrangement): Arrangement {
  return a;
}
