import { describe, expect, it } from 'vitest';
import { openLedgerDB } from '@/background/db/migrations';
import { installBundled } from '@/background/db/list-store';
import { matchFindings } from '@/background/matching';
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

  it('matches a partner the page shows, in a feature the arrangement covers, on the platform, its owner or any site', async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'fb-paypal', platform: 'facebook', partners: ['paypal'], features: ['checkout'] }),
      sampleArrangement({ id: 'meta-paypal', platform: 'meta', partners: ['paypal'], features: ['checkout'] }),
      sampleArrangement({ id: 'paypal-anywhere', platform: 'any', partners: ['paypal'], features: ['checkout'] }),
      sampleArrangement({ id: 'x-paypal', platform: 'x', partners: ['paypal'], features: ['checkout'] }),
    );
    const found = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [detection({ partners: ['paypal'], signals: [{ kind: 'script', evidence: 'www.paypal.com' }] })]);
    expect(found.map((f) => [f.arrangementId, f.via])).toEqual([
      ['fb-paypal', 'platform'],
      ['meta-paypal', 'owner'],
      ['paypal-anywhere', 'any'],
    ]);
    expect(found[0]!.partners).toEqual(['paypal']);
    expect(found[0]!.because).toEqual([{ kind: 'script', evidence: 'www.paypal.com' }]);
  });

  it('does not bring an arrangement of the same partner about another feature (a PayPal script is not the Libra wallet)', async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'meta-libra', platform: 'meta', partners: ['paypal', 'stripe', 'ebay'], features: ['wallet', 'p2p-payments'] }),
      sampleArrangement({ id: 'venmo-settlement', platform: 'any', partners: ['venmo', 'paypal'], features: ['p2p-payments'] }),
    );
    expect(await matchFindings(db, { id: 'instagram', owner: 'meta' }, [detection({ ruleId: 'payment-script', partners: ['paypal'] })])).toEqual([]);
  });

  it("needs a partner on the page, or a platform's own feature that names no firm: a shared feature kind is not enough", async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'yt-shopify', platform: 'youtube', partners: ['shopify'], features: ['checkout'] }),
      sampleArrangement({ id: 'fb-pay', platform: 'facebook', partners: ['paypal', 'stripe'], features: ['payment-settings'] }),
      sampleArrangement({ id: 'meta-pay', platform: 'meta', partners: ['shopify'], features: ['payment-settings'] }),
    );
    // A Google Pay button is checkout anywhere: it says nothing about YouTube's Shopify deal.
    const wallet = detection({ ruleId: 'wallet-pay-button', partners: ['google-pay'] });
    expect(await matchFindings(db, { id: 'youtube', owner: 'google' }, [wallet])).toEqual([]);
    // Meta Pay's own settings route names no firm: it is the platform's feature, and finds its arrangements and its owner's.
    const route = detection({ ruleId: 'meta-payment-settings-route', feature: 'payment-settings', signals: [{ kind: 'route', evidence: '/facebook_pay/' }] });
    const found = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [route]);
    expect(found.map((f) => [f.arrangementId, f.via, f.partners, f.because])).toEqual([
      ['fb-pay', 'platform', [], [{ kind: 'route', evidence: '/facebook_pay/' }]],
      ['meta-pay', 'owner', [], [{ kind: 'route', evidence: '/facebook_pay/' }]],
    ]);
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
      detection({ partners: ['visa'] }),
      detection({ ruleId: 'chat-send-money', feature: 'p2p-payments', partners: ['visa'] }),
    ]);
    expect(found.map((f) => f.arrangementId)).toEqual(['y-fb-checkout', 'z-fb-checkout', 'a-meta-checkout', 'b-fb-p2p']);
  });

  it('gives each finding arrays of its own, even when one question credits many', async () => {
    const db = await dbWith(
      sampleArrangement({ id: 'fb-one', platform: 'facebook', partners: ['visa'], features: ['checkout'] }),
      sampleArrangement({ id: 'fb-two', platform: 'facebook', partners: ['visa'], features: ['checkout'] }),
    );
    const [one, two] = await matchFindings(db, { id: 'facebook' }, [detection({ partners: ['visa'] })]);
    one!.ruleIds.push('changed');
    expect(two!.ruleIds).toEqual(['payment-frame']);
  });

  it('credits every detection that shares a key, so each one counts as explained', async () => {
    const db = await dbWith(sampleArrangement({ id: 'fb-checkout', platform: 'facebook', partners: ['visa'], features: ['checkout'] }));
    const [finding] = await matchFindings(db, { id: 'facebook', owner: 'meta' }, [
      detection({ ruleId: 'pay-with-paypal', partners: ['visa'] }),
      detection({ ruleId: 'payment-frame', partners: ['visa', 'stripe'] }),
    ]);
    expect(finding!.ruleIds.sort()).toEqual(['pay-with-paypal', 'payment-frame']);
    expect(finding!.features).toEqual(['checkout']);
  });
});
