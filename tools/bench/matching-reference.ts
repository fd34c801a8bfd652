import { findingsFrom } from '../../background/matching';
import type { Finding, PagePlatform } from '../../utils/model/finding';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Detection } from '../../utils/model/detection';

/**
 * Matching over a scan of the whole list in memory instead of the postings: what matchFindings
 * must answer, finding for finding and in the same order. The bench and the tests check the
 * postings against it; the extension never scans.
 */
export function scanFindings(list: readonly Arrangement[], page: PagePlatform, detections: readonly Detection[]): Finding[] {
  const byId = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = (keep: (a: Arrangement) => boolean) => byId.filter(keep).map((a) => a.id);
  return findingsFrom(
    page,
    detections,
    {
      partner: (partner, scope) => ids((a) => a.platform === scope && a.partners.includes(partner)),
      feature: (scope, feature) => ids((a) => a.platform === scope && a.features.includes(feature)),
    },
  );
}
