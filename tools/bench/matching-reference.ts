import { creditFindings, lookupsFor } from '../../background/matching';
import type { Finding, PagePlatform } from '../../utils/model/finding';
import type { Arrangement } from '../../utils/model/arrangement';
import type { Detection } from '../../utils/model/detection';

/**
 * Matching as a scan of the whole list in memory: what the postings must answer, finding for
 * finding and in the same order (questions in the order lookupsFor asks them, each question's
 * arrangements in id order, each finding where it was first found). The bench and the tests
 * check matchFindings against it; the extension never scans.
 */
export function scanFindings(list: readonly Arrangement[], page: PagePlatform, detections: readonly Detection[]): Finding[] {
  const byId = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const found = new Map<string, Finding>();
  for (const lookup of lookupsFor(page, detections)) {
    const answers = (a: Arrangement) =>
      a.platform === lookup.scope && (lookup.kind === 'partner' ? a.partners.includes(lookup.value) : a.features.some((f) => f === lookup.value));
    creditFindings(found, byId.filter(answers).map((a) => a.id), lookup);
  }
  return [...found.values()];
}
