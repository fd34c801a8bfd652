import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openLedgerDB } from '@/background/db/migrations';
import type { LedgerDatabase } from '@/background/db/schema';
import { installBundled, readList, writeImport } from '@/background/db/list-store';
import { matchFindings } from '@/background/matching';
import type { Detection } from '@/utils/model/detection';
import { FEATURE_KINDS } from '@/utils/model/vocabulary';
import { PLATFORMS } from '@/utils/platforms';
import { generatedList } from '../../../tools/bench/generated-list';
import { scanFindings } from '../../../tools/bench/matching-reference';
import { BENCH_DETECTIONS, BENCH_PAGE } from '../../../tools/bench/matching-page';
import { bundledFromDisk, sampleArrangement } from '../fixtures';

/** The postings as they would be built from scratch from what is stored now. */
async function expectedPostings(db: LedgerDatabase) {
  const partners = new Map<string, Record<string, string[]>>();
  const scopes = new Map<string, Record<string, string[]>>();
  const byId = (await readList(db)).arrangements.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const a of byId) {
    for (const p of a.partners) ((partners.get(p) ?? partners.set(p, {}).get(p)!)[a.platform] ??= []).push(a.id);
    for (const f of a.features) ((scopes.get(a.platform) ?? scopes.set(a.platform, {}).get(a.platform)!)[f] ??= []).push(a.id);
  }
  return {
    partners: [...partners].map(([partner, s]) => ({ partner, scopes: s })).sort((a, b) => (a.partner < b.partner ? -1 : 1)),
    scopes: [...scopes].map(([scope, features]) => ({ scope, features })).sort((a, b) => (a.scope < b.scope ? -1 : 1)),
  };
}

async function expectInStep(db: LedgerDatabase) {
  expect({ partners: await db.getAll('partner-postings'), scopes: await db.getAll('scope-postings') }).toEqual(await expectedPostings(db));
}

const onFacebook: Detection = { ruleId: 'pay-with-paypal', feature: 'checkout', partners: ['paypal'], confidence: 'high', count: 1, signals: [] };

describe('the postings matching reads', () => {
  it('follow the list through an update, an import that moves an arrangement, and a reset', async () => {
    const db = await openLedgerDB(`postings-${Math.random()}`);
    const bundled = await bundledFromDisk();
    await installBundled(db, { ...bundled, version: 'v1', arrangements: [sampleArrangement({ id: 'fb-paypal' }), sampleArrangement({ id: 'dropped-next' })] }, 'update');
    await expectInStep(db);

    // The user's correction moves an arrangement from Facebook and PayPal to X and Stripe.
    await writeImport(db, { version: 'mine', arrangements: [sampleArrangement({ id: 'fb-paypal', platform: 'x', partners: ['stripe'], features: ['tipping'] })] });
    await expectInStep(db);
    expect((await matchFindings(db, BENCH_PAGE, [onFacebook])).map((f) => f.arrangementId)).toEqual(['dropped-next']);
    expect((await matchFindings(db, { id: 'x' }, [{ ...onFacebook, feature: 'tipping', partners: [] }])).map((f) => f.arrangementId)).toEqual(['fb-paypal']);

    await installBundled(db, { ...bundled, version: 'v2', arrangements: [sampleArrangement({ id: 'new-bundled', platform: 'meta' })] }, 'update');
    await expectInStep(db);
    expect((await matchFindings(db, BENCH_PAGE, [onFacebook])).map((f) => [f.arrangementId, f.via])).toEqual([['new-bundled', 'owner']]);

    await installBundled(db, { ...bundled, version: 'v2', arrangements: [sampleArrangement({ id: 'new-bundled', platform: 'meta' })] }, 'reset');
    await expectInStep(db);
    expect((await matchFindings(db, { id: 'x' }, [{ ...onFacebook, feature: 'tipping', partners: [] }]))).toEqual([]);
  });

  it('stay as they were when an import fails midway', async () => {
    const db = await openLedgerDB(`postings-${Math.random()}`);
    await installBundled(db, { ...(await bundledFromDisk()), arrangements: [sampleArrangement({ id: 'fb-paypal' })] }, 'update');
    const before = { partners: await db.getAll('partner-postings'), scopes: await db.getAll('scope-postings') };
    // The disk fills up on the second record, after the postings for both were worked out.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as { id?: string }).id === 'second') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
    try {
      const moved = sampleArrangement({ id: 'fb-paypal', platform: 'x', partners: ['stripe'] });
      await expect(writeImport(db, { version: 'bad', arrangements: [moved, sampleArrangement({ id: 'second' })] })).rejects.toThrow(/quota/);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect({ partners: await db.getAll('partner-postings'), scopes: await db.getAll('scope-postings') }).toEqual(before);
    expect((await matchFindings(db, BENCH_PAGE, [onFacebook])).map((f) => f.arrangementId)).toEqual(['fb-paypal']);
  });
});

const platformIds = PLATFORMS.map((p) => p.id);
const arbitraryArrangement = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  platform: fc.constantFrom('facebook', 'meta', 'x', 'any'),
  partners: fc.uniqueArray(fc.constantFrom('paypal', 'stripe', 'visa'), { minLength: 1, maxLength: 2 }),
  features: fc.uniqueArray(fc.constantFrom(...FEATURE_KINDS.slice(0, 3)), { minLength: 1, maxLength: 2 }),
});
const arbitraryStep = fc.oneof(
  fc.record({ kind: fc.constantFrom('update' as const, 'reset' as const), list: fc.uniqueArray(arbitraryArrangement, { selector: (a) => a.id, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('import' as const), list: fc.uniqueArray(arbitraryArrangement, { selector: (a) => a.id, maxLength: 4 }) }),
);

describe('matching through the postings', () => {
  it('finds what a scan of the list finds, whatever sequence of installs, imports and resets came before', async () => {
    const bundled = await bundledFromDisk();
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryStep, { minLength: 1, maxLength: 5 }), async (steps) => {
        const db = await openLedgerDB(`postings-${Math.random()}`);
        for (const { kind, list } of steps) {
          const arrangements = list.map((a) => sampleArrangement(a));
          if (kind === 'import') await writeImport(db, { version: 'mine', arrangements });
          else await installBundled(db, { ...bundled, arrangements }, kind);
        }
        await expectInStep(db);
        const stored = (await readList(db)).arrangements;
        const detections: Detection[] = [onFacebook, { ...onFacebook, ruleId: 'chat-send-money', feature: 'p2p-payments', partners: ['visa', 'stripe'] }];
        expect(await matchFindings(db, BENCH_PAGE, detections)).toEqual(scanFindings(stored, BENCH_PAGE, detections));
        db.close();
      }),
      { numRuns: 40 },
    );
   }, 60_000);

  it('finds exactly what a scan finds for the benchmark page on a generated list', async () => {
    const list = generatedList(3_000);
    const db = await openLedgerDB(`postings-${Math.random()}`);
    await writeImport(db, { version: 'generated', arrangements: list });
    const found = await matchFindings(db, BENCH_PAGE, BENCH_DETECTIONS);
    expect(found.length).toBeGreaterThan(20);
    expect(found).toEqual(scanFindings(list, BENCH_PAGE, BENCH_DETECTIONS));
    for (const id of platformIds) expect(await matchFindings(db, { id }, BENCH_DETECTIONS)).toEqual(scanFindings(list, { id }, BENCH_DETECTIONS));
  }, 30_000);
});
