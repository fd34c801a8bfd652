import type { LedgerDatabase } from '../db/schema';
import { readPostings } from '../matching';
import type { Finding } from '../../utils/model/finding';
import { MAX_BECAUSE } from '../../utils/model/detection';
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
  /** One question per platform and feature kind, with the detections that ask it. */
  const questions = new Map<string, { platform: string; feature: FeatureKind; askedBy: Detection[] }>();
  for (const d of detections)
    for (const platform of d.partners) {
      const key = `${platform}|${d.feature}`;
      const question = questions.get(key) ?? { platform, feature: d.feature, askedBy: [] };
      question.askedBy.push(d);
      questions.set(key, question);
    }
  if (!questions.size) return [];
  const scopes = new Set([...questions.values()].map((q) => q.platform));
  const { byPartner, byScope } = await readPostings(db, new Set([firm]), scopes);
  const found = new Map<string, Finding>();
  for (const { platform, feature, askedBy } of questions.values()) {
    const withFeature = new Set(byScope.get(platform)?.[feature] ?? []);
    for (const id of (byPartner.get(firm)?.[platform] ?? []).filter((arrangement) => withFeature.has(arrangement))) {
      // The finding's partner is the firm whose page this is, as in the arrangement.
      const finding = found.get(id) ?? { arrangementId: id, via: 'firm' as const, ruleIds: [], partners: [firm], features: [], because: [] };
      for (const d of askedBy) {
        if (!finding.ruleIds.includes(d.ruleId)) finding.ruleIds.push(d.ruleId);
        for (const signal of d.signals)
          if (finding.because.length < MAX_BECAUSE && !finding.because.some((s) => s.kind === signal.kind && s.evidence === signal.evidence)) finding.because.push(signal);
      }
      if (!finding.features.includes(feature)) finding.features.push(feature);
      found.set(id, finding);
    }
  }
  return [...found.values()];
}
