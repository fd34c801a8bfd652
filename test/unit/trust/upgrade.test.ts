import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '@/background/db/schema';
import { openLedgerDB } from '@/background/db/migrations';
import { matchFindings } from '@/background/matching';
import { readSettings, settingsItem } from '@/utils/storage';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { sampleArrangement } from '../fixtures';
import { bundledWithOneArrangement, ledgerUnderTest } from '../ledger-under-test';

/**
 * Each released schema, frozen as it shipped and written with the raw IndexedDB API, so that a later
 * change to openLedgerDB cannot quietly change what "a version 1 database" means here. When
 * DB_VERSION goes up, add the new version's schema and writer below; the first test fails until then.
 */
const RELEASED: Record<number, { create(db: IDBDatabase, upgrade: IDBTransaction): void; write(tx: IDBTransaction): void }> = {
  1: {
    create(db) {
      const arrangements = db.createObjectStore('arrangements', { keyPath: 'id' });
      arrangements.createIndex('by-platform-partner', 'platformPartners', { multiEntry: true });
      arrangements.createIndex('by-platform-feature', 'platformFeatures', { multiEntry: true });
      arrangements.createIndex('by-origin', 'origin');
      db.createObjectStore('entities', { keyPath: 'id' }).createIndex('by-origin', 'origin');
      db.createObjectStore('rules', { keyPath: 'id' }).createIndex('by-origin', 'origin');
      db.createObjectStore('meta', { keyPath: 'key' });
      db.createObjectStore('history', { keyPath: ['day', 'platform', 'feature'] }).createIndex('by-day', 'day');
    },
    write(tx) {
      const imported = sampleArrangement({ id: 'users-import', title: 'Imported before the upgrade', partners: ['stripe'] });
      tx.objectStore('arrangements').put({ ...imported, origin: 'imported', platformPartners: ['facebook|stripe'], platformFeatures: ['facebook|checkout'] });
      tx.objectStore('meta').put({ key: 'importedVersion', value: 'users-2026.10' });
      tx.objectStore('history').put({ day: '2026-11-20', platform: 'messenger', feature: 'p2p-payments', count: 4 });
    },
  },
  2: {
    create(db, upgrade) {
      for (const name of ['by-platform-partner', 'by-platform-feature']) upgrade.objectStore('arrangements').deleteIndex(name);
      db.createObjectStore('partner-postings', { keyPath: 'partner' });
      db.createObjectStore('scope-postings', { keyPath: 'scope' });
    },
    write(tx) {
      const imported = sampleArrangement({ id: 'users-import', title: 'Imported before the upgrade', partners: ['stripe'] });
      tx.objectStore('arrangements').put({ ...imported, origin: 'imported' });
      tx.objectStore('partner-postings').put({ partner: 'stripe', scopes: { facebook: ['users-import'] } });
      tx.objectStore('scope-postings').put({ scope: 'facebook', features: { checkout: ['users-import'] } });
      tx.objectStore('meta').put({ key: 'importedVersion', value: 'users-2026.10' });
      tx.objectStore('history').put({ day: '2026-11-20', platform: 'messenger', feature: 'p2p-payments', count: 4 });
    },
  },
};

function writeReleased(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      for (let v = 1; v <= version; v++) RELEASED[v]!.create(request.result, request.transaction!);
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['arrangements', 'meta', 'history', ...(version >= 2 ? ['partner-postings', 'scope-postings'] : [])], 'readwrite');
      RELEASED[version]!.write(tx);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('no data is lost across upgrades and restarts', () => {
  it('keeps a frozen schema for every database version Ledgerlight has shipped', () => {
    expect(Object.keys(RELEASED).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const version of Object.keys(RELEASED).map(Number)) {
    it(`opens a version ${version} database with the user's import and history intact`, async () => {
      const name = `released-v${version}`;
      await writeReleased(name, version);

      const db = await openLedgerDB(name);
      expect(db.version).toBe(DB_VERSION);
      // The background installs the bundled list on update; that must keep what the user imported.
      const { ledger } = await ledgerUnderTest({ db, list: await bundledWithOneArrangement() });

      const exported = JSON.parse(await ledger.exportList()) as { version: string; arrangements: { id: string; title: string }[] };
      expect(exported.version).toBe('users-2026.10');
      expect(exported.arrangements.find((a) => a.id === 'users-import')?.title).toBe('Imported before the upgrade');
      expect(exported.arrangements.map((a) => a.id)).toContain('messenger-p2p');
      expect(await ledger.readHistory()).toEqual([{ day: '2026-11-20', platform: 'messenger', feature: 'p2p-payments', count: 4 }]);
      // Matching reads the postings, so the import must be filed there too.
      const found = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [
        { ruleId: 'payment-frame', feature: 'checkout', partners: ['stripe'], confidence: 'high', count: 1, signals: [] },
      ]);
      expect(found.map((f) => [f.arrangementId, f.partners])).toEqual([['users-import', ['stripe']]]);
      db.close();
    });
  }

  it('finds the import again after the service worker restarts and the database is reopened', async () => {
    const first = await ledgerUnderTest();
    await first.ledger.importList(JSON.stringify({ format: 1, version: 'mine', arrangements: [sampleArrangement({ id: 'kept' })] }));
    const before = await first.ledger.exportList();
    const name = first.db.name;
    first.db.close();

    const { ledger } = await ledgerUnderTest({ db: await openLedgerDB(name) });
    expect(await ledger.exportList()).toBe(before);
  });

  it('keeps the settings a user saved before a setting was added, and fills in the new one', async () => {
    const { recordUrls: _addedLater, ...savedBefore } = { ...DEFAULT_SETTINGS, disabledSites: ['x'], historyDays: 90 as const };
    await settingsItem.setValue(savedBefore as typeof DEFAULT_SETTINGS);
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['x'], historyDays: 90 });
  });
});
