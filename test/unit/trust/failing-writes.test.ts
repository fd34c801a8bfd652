import { afterEach, describe, expect, it } from 'vitest';
import { createRoutes, dispatch } from '@/background/handlers';
import { sampleArrangement } from '../fixtures';
import { ledgerUnderTest, listFile } from '../ledger-under-test';
import { failureText } from '@/components/failure-text';
import type { Failure } from '@/utils/protocol';
import { speak } from '../popup/messages';

const originalPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

/** Makes the store refuse one record the way a full disk does: the first writes land, then one fails. */
function failPutOf(id: string, error: () => Error) {
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if ((value as { id?: string }).id === id) throw error();
    return originalPut.call(this, value, key);
  };
}

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const threeEntries = listFile({ arrangements: ['first', 'second', 'third'].map((id) => sampleArrangement({ id })) });
const self = { id: 'ledgerlight-id', origin: 'chrome-extension://ledgerlight-id/' };
const optionsPage = { id: self.id, url: `${self.origin}options.html` };

describe('a failing write leaves the stored data consistent and is reported', () => {
  it('lands none of an import whose second record cannot be written', async () => {
    const { ledger } = await ledgerUnderTest();
    const before = await ledger.exportList();
    failPutOf('second', quotaExceeded);
    await expect(ledger.importList(threeEntries)).rejects.toThrow(/quota/);
    IDBObjectStore.prototype.put = originalPut;
    expect(await ledger.exportList()).toBe(before);
  });

  it('tells the user the disk is full, in words, when an import hits the quota', async () => {
    const { ledger } = await ledgerUnderTest();
    const before = await ledger.exportList();
    const logged: string[] = [];
    failPutOf('third', quotaExceeded);
    const reply = await dispatch(createRoutes(ledger)['list:import'], 'list:import', { text: threeEntries }, optionsPage, {
      self,
      isWatchedUrl: () => false,
      log: (reason) => void logged.push(reason),
    });
    IDBObjectStore.prototype.put = originalPut;
    expect(reply).toEqual({ ok: false, error: 'no-room' });
    // The code becomes words where it is shown.
    await speak('en');
    expect(failureText(reply as Failure)).toMatch(/no room left.*Nothing was changed/);
    expect(logged).toEqual(['list:import failed']);
    expect(await ledger.exportList()).toBe(before);
  });

  it('keeps the previous list when resetting to the bundled one fails midway', async () => {
    const { ledger } = await ledgerUnderTest();
    await ledger.importList(listFile({ arrangements: [sampleArrangement({ id: 'users-own-entry' })] }));
    const before = await ledger.exportList();
    failPutOf('messenger-p2p', quotaExceeded);
    await expect(ledger.installBundled('reset')).rejects.toThrow(/quota/);
    IDBObjectStore.prototype.put = originalPut;
    expect(await ledger.exportList()).toBe(before);
  });

  it('imports normally once there is room again', async () => {
    const { ledger } = await ledgerUnderTest();
    failPutOf('second', quotaExceeded);
    await ledger.importList(threeEntries).catch(() => undefined);
    IDBObjectStore.prototype.put = originalPut;
    const retry = await ledger.importList(threeEntries);
    expect(retry).toMatchObject({ ok: true, value: { added: { arrangements: ['first', 'second', 'third'] } } });
  });
});
