import { describe, expect, it } from 'vitest';
import { openLedgerDB } from '@/background/db/migrations';
import { installBundled } from '@/background/db/list-store';
import { lookupsFor, matchFindings } from '@/background/matching';
import type { Detection } from '@/utils/model/detection';
import { bundledFromDisk, sampleArrangement } from '../fixtures';

const detection = (over: Partial<Detection>): Detection => ({
  ruleId: 'payment-frame',
  feature: 'checkout',
  partners: [],
  confidence: 'high',
  count: 1,
  signals: [],
  ...over,
});

async function dbWith(...arrangements: ReturnType<typeof sampleArrangement>[]) {
  const db = await openLedgerDB(`match-${Math.random()}`);
  await installBundled(db, { ...(await bundledFromDisk()), arrangements }, 'reset');
  return db;
}

describe('matchFindings', () => {
  it('rejects, rather than waiting for ever, when the postings cannot be read', async () => {
    const db = await dbWith(sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'], features: ['checkout'] }));
    db.close();
    await expect(matchFindings(db, { id: 'facebook' }, [detection({ partners: ['paypal'] })])).rejects.toThrow();
  });

  it('matches on a shared partner or a shared feature kind, on the page platform or its owner', async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'], features: ['checkout'] }),
      sampleArrangement({ id: 'meta-p2p', platform: 'meta', partners: ['visa'], features: ['p2p-payments'] }),
      sampleArrangement({ id: 'x-visa', platform: 'x', partners: ['visa'], features: ['p2p-payments'] }),
    );
    const onFacebook = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [
      detection({ feature: 'ad-payments', partners: ['paypal'] }),
      detection({ ruleId: 'chat-send-money', feature: 'p2p-payments' }),
    ]);
    expect(onFacebook.map((f) => [f.arrangementId, f.via])).toEqual([
      ['fb-paypal', 'platform'],
      ['meta-p2p', 'owner'],
    ]);
    expect(onFacebook[0]!.partners).toEqual(['paypal']);
    expect(onFacebook[1]!.features).toEqual(['p2p-payments']);
  });

  it('never shows an arrangement about another platform', async () => {
    const db = await dbWith(sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'] }));
    expect(await matchFindings(db, { id: 'x' }, [detection({ partners: ['paypal'] })])).toEqual([]);
  });

  it("needs a partner in common for an arrangement that applies on 'any' site", async () => {
    const db = await dbWith(sampleArrangement({ id: 'paypal-shopping', platform: 'any', partners: ['paypal'], features: ['checkout'] }));
    expect(await matchFindings(db, { id: 'reddit' }, [detection({ feature: 'checkout' })])).toEqual([]);
    const found = await matchFindings(db, { id: 'reddit' }, [detection({ partners: ['paypal'] })]);
    expect(found.map((f) => [f.arrangementId, f.via])).toEqual([['paypal-shopping', 'any']]);
  });

  it('returns nothing for no detections', async () => {
    const db = await dbWith(sampleArrangement({ id: 'fb-paypal' }));
    expect(await matchFindings(db, { id: 'facebook', owner: 'meta' }, [])).toEqual([]);
  });

  it('lists findings in the order first found: by detection, the platform before its owner, ids in order within one question', async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'a-meta-checkout', platform: 'meta', partners: ['visa'], features: ['checkout'] }),
      sampleArrangement({ id: 'b-fb-p2p', platform: 'facebook', partners: ['visa'], features: ['p2p-payments'] }),
      sampleArrangement({ id: 'y-fb-checkout', platform: 'facebook', partners: ['visa'], features: ['checkout'] }),
      sampleArrangement({ id: 'z-fb-checkout', platform: 'facebook', partners: ['visa'], features: ['checkout'] }),
    );
    const found = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [
      detection({ feature: 'checkout' }),
      detection({ ruleId: 'chat-send-money', feature: 'p2p-payments' }),
    ]);
    expect(found.map((f) => f.arrangementId)).toEqual(['y-fb-checkout', 'z-fb-checkout', 'a-meta-checkout', 'b-fb-p2p']);
  });

  it('gives each finding arrays of its own, even when one question credits many', async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'fb-one', platform: 'facebook', partners: ['visa'], features: ['checkout'] }),
      sampleArrangement({ id: 'fb-two', platform: 'facebook', partners: ['visa'], features: ['checkout'] }),
    );
    const [one, two] = await matchFindings(db, { id: 'facebook' }, [detection({ feature: 'checkout' })]);
    one!.ruleIds.push('changed');
    expect(two!.ruleIds).toEqual(['payment-frame']);
  });

  it('credits every detection that shares a key, so each one counts as explained', async () => {
    const db = await dbWith(sampleArrangement({ id: 'fb-checkout', platform: 'facebook', partners: ['visa'], features: ['checkout'] }));
    const [finding] = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [
      detection({ ruleId: 'pay-with-paypal', partners: ['paypal'] }),
      detection({ ruleId: 'payment-frame', partners: ['stripe'] }),
    ]);
    expect(finding!.ruleIds.sort()).toEqual(['pay-with-paypal', 'payment-frame']);
    expect(finding!.features).toEqual(['checkout']);
  });
});

describe('lookupsFor', () => {
  const keyOf = (l: ReturnType<typeof lookupsFor>[number]) => `${l.scope}|${l.value}`;

  it('asks each question once, however many detections ask it', () => {
    const lookups = lookupsFor({ id: 'facebook', owner: 'meta' }, [
      detection({ ruleId: 'pay-with-paypal', partners: ['paypal'] }),
      detection({ ruleId: 'payment-frame', partners: ['paypal', 'stripe'] }),
    ]);
    const keys = lookups.map((l) => `${l.kind} ${keyOf(l)}`);
    expect(keys).toHaveLength(new Set(keys).size);
    expect(lookups.map(keyOf).sort()).toEqual(
      ['any|paypal', 'any|stripe', 'facebook|checkout', 'facebook|paypal', 'facebook|stripe', 'meta|checkout', 'meta|paypal', 'meta|stripe'].sort(),
    );
    expect(lookups.find((l) => keyOf(l) === 'facebook|checkout')!.askedBy.map((a) => a.ruleId)).toEqual(['pay-with-paypal', 'payment-frame']);
  });

  it('asks nothing of an owner the platform does not have, nor of any site without a partner', () => {
    expect(lookupsFor({ id: 'reddit' }, [detection({ feature: 'tipping' })]).map(keyOf)).toEqual(['reddit|tipping']);
  });
});
