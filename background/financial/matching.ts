import type { LedgerDatabase } from '../db/schema';
import { creditFindings, readPostings, type Lookup } from '../matching';
import type { Finding } from '../../utils/model/finding';
import type { Detection } from '../../utils/model/detection';
import type { FeatureKind } from '../../utils/model/vocabulary';

/**
 * The arrangements behind a financial firm's page loading a platform's code. Here the page is the
 * arrangement's partner and the code names its platform: Meta's Pixel on taxact.com answers the
 * arrangements whose platform is meta, whose partners include taxact, and whose features include
 * the detection's kind (tracking or sign-in). Both halves come from the postings the social
 * direction already keeps, read in one transaction. A detection no arrangement answers stays a
 * detection: the popup says the code is there and that no arrangement is known, and nothing is invented.
 */
export async function matchFirmFindings(db: LedgerDatabase, firm: string, detections: readonly Detection[]): Promise<Finding[]> {
  const lookups = new Map<string, Lookup & { feature: FeatureKind }>();
  for (const d of detections)
    for (const platform of d.partners) {
      const key = `${platform}|${d.feature}`;
      let lookup = lookups.get(key);
      if (!lookup) lookups.set(key, (lookup = { kind: 'partner', scope: platform, value: firm, via: 'firm', askedBy: [], feature: d.feature }));
      // The finding's partner is the firm whose page this is, as in the arrangement.
      lookup.askedBy.push({ ruleId: d.ruleId, partner: firm, feature: d.feature });
    }
  if (!lookups.size) return [];
  const scopes = new Set([...lookups.values()].map((l) => l.scope));
  const { byPartner, byScope } = await readPostings(db, new Set([firm]), scopes);
  const found = new Map<string, Finding>();
  for (const lookup of lookups.values()) {
    const withFeature = new Set(byScope.get(lookup.scope)?.[lookup.feature] ?? []);
    const ids = (byPartner.get(firm)?.[lookup.scope] ?? []).filter((id) => withFeature.has(id));
    if (ids.length) creditFindings(found, ids, lookup);
  }
  return [...found.values()];
}
