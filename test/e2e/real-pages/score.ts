import type { Detection } from '../../../utils/model/detection';
import type { Finding } from '../../../utils/model/finding';

/** One saved real page as the corpus manifest lists it (test/fixtures/real/manifest.json). */
export interface RealPage {
  file: string;
  url: string;
  /** The watched platform it was saved from; null for a vendor's SDK markup saved from another site. */
  platform: string | null;
  repository: string;
  commit: string;
  licence: string;
  expected: { features: string[]; partners: string[] };
}

/** What the extension made of one page, and which of its findings give a reason found on the page. */
export interface PageRun {
  detections: Detection[];
  findings: (Finding & { reasonOnPage: boolean })[];
}

/** Counted per page: features and partners expected and found, and findings whose reason holds. */
export interface PageScore {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  /** What went wrong, for the log: "missed feature wallet", "extra partner stripe", "finding x: ...". */
  problems: string[];
}

/**
 * Scores one page against what its manifest entry says a person sees on it. A feature kind or a
 * partner firm counts once per page however many elements show it. A finding is right when the
 * reason it gives is on the page and it is about what the page shows: a partner the page was
 * expected to show, or, naming none, a feature kind it was expected to show. Anything else it
 * says is a false positive, as a firm the popup names but the page never showed would be.
 */
export function scorePage(page: RealPage, run: PageRun): PageScore {
  const problems: string[] = [];
  const found = {
    features: new Set(run.detections.map((d) => d.feature as string)),
    partners: new Set(run.detections.flatMap((d) => d.partners)),
  };
  let truePositives = 0;
  let falseNegatives = 0;
  let falsePositives = 0;
  for (const kind of ['features', 'partners'] as const) {
    const expected = new Set(page.expected[kind]);
    for (const item of expected)
      if (found[kind].has(item)) truePositives++;
      else {
        falseNegatives++;
        problems.push(`missed ${kind.slice(0, -1)} ${item}`);
      }
    for (const item of found[kind])
      if (!expected.has(item)) {
        falsePositives++;
        const by = run.detections.find((d) => (kind === 'features' ? d.feature === item : d.partners.includes(item)));
        problems.push(`extra ${kind.slice(0, -1)} ${item} (${by?.ruleId}: ${by?.signals.map((s) => `${s.kind} "${s.evidence}"`).join(', ')})`);
      }
  }
  for (const f of run.findings) {
    const about = f.partners.length ? f.partners.some((p) => page.expected.partners.includes(p)) : f.features.some((x) => page.expected.features.includes(x));
    if (f.reasonOnPage && about) truePositives++;
    else {
      falsePositives++;
      problems.push(`finding ${f.arrangementId}: ${f.reasonOnPage ? 'about what the page does not show' : 'its reason is not on the page'}`);
    }
  }
  return { truePositives, falseNegatives, falsePositives, problems };
}

/** Recall and precision of summed scores, as fractions; 1 when there was nothing to find or nothing found. */
export function rates(scores: PageScore[]): { recall: number; precision: number } {
  const sum = (key: 'truePositives' | 'falseNegatives' | 'falsePositives') => scores.reduce((n, s) => n + s[key], 0);
  const tp = sum('truePositives');
  const fn = sum('falseNegatives');
  const fp = sum('falsePositives');
  return { recall: tp + fn ? tp / (tp + fn) : 1, precision: tp + fp ? tp / (tp + fp) : 1 };
}

/** A page passes when nothing was missed and nothing extra was said. */
export const passes = (score: PageScore) => score.falseNegatives === 0 && score.falsePositives === 0;

/** The table the test prints: one row per platform and one for all pages. */
export function table(rows: { page: RealPage; score: PageScore }[]): string {
  const groups = new Map<string, { page: RealPage; score: PageScore }[]>();
  for (const row of rows) {
    const key = row.page.platform ?? 'sdk';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const line = (name: string, group: { page: RealPage; score: PageScore }[]) => {
    const { recall, precision } = rates(group.map((r) => r.score));
    const negatives = group.filter((r) => !r.page.expected.features.length && !r.page.expected.partners.length).length;
    const passed = group.filter((r) => passes(r.score)).length;
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(6);
    return `${name.padEnd(10)} ${String(group.length).padStart(5)} ${String(negatives).padStart(9)} ${String(passed).padStart(6)} ${pct(recall)} ${pct(precision)}`;
  };
  return [
    `${'platform'.padEnd(10)} ${'pages'.padStart(5)} ${'negatives'.padStart(9)} ${'passed'.padStart(6)} ${'recall'.padStart(6)} ${'precis.'.padStart(6)}`,
    ...[...groups.keys()].sort().map((key) => line(key, groups.get(key)!)),
    line('overall', rows),
  ].join('\n');
}
