import { describe, expect, it } from 'vitest';
import { openLedgerDB } from '@/utils/db/schema';
import { installBundled } from '@/utils/db/list-store';
import { matchFindings } from '@/utils/matching';
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
});
