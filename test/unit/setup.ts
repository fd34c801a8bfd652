import { afterEach } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Each test starts with an empty browser and an empty IndexedDB.
afterEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
