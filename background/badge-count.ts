import type { Arrangement } from '../utils/model/arrangement';
import type { TabState } from '../utils/model/tab-report';

export interface BadgeCount {
  /** Findings whose arrangement is in force today: what the number on the badge says. */
  findings: number;
  /** Feature kinds seen on the page, known arrangement or not. */
  features: number;
}

/**
 * What the badge counts: the active arrangements tied to what the page shows. Past, proposed or
 * refused entries are told in the popup but would make a page look busier than it is.
 */
export function badgeCount(state: Pick<TabState, 'findings' | 'detections'>, arrangements: Readonly<Record<string, Pick<Arrangement, 'status'>>>): BadgeCount {
  return {
    findings: state.findings.filter((f) => arrangements[f.arrangementId]?.status === 'active').length,
    features: new Set(state.detections.map((d) => d.feature)).size,
  };
}

/** The badge's text: the number of active findings; a neutral dot when a feature was found but no active arrangement is known; empty when nothing was found. */
export function badgeText({ findings, features }: BadgeCount): string {
  if (findings > 0) return String(findings);
  return features > 0 ? NEUTRAL_MARK : '';
}

export const NEUTRAL_MARK = '•';
