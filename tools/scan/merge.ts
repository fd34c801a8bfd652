import { readFileSync } from 'node:fs';
import type { ScannedPage } from './report';

/** How many pages each platform, feature, partner and arrangement appears on. */
export interface Totals {
  pages: number;
  watched: number;
  unwatched: number;
  failed: number;
  platforms: Record<string, number>;
  features: Record<string, number>;
  partners: Record<string, number>;
  arrangements: Record<string, { title: string; pages: number }>;
}

/** The pages of one shard's output: a jsonl file (a page a line) or a json report (`{"pages":[...]}`). */
export function readPages(path: string): ScannedPage[] {
  const text = readFileSync(path, 'utf8');
  try {
    const whole = JSON.parse(text) as { pages?: unknown };
    if (Array.isArray(whole.pages)) return whole.pages as ScannedPage[];
  } catch {
    // More than one document: a page a line.
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as ScannedPage;
      } catch {
        throw new Error(`${path}:${i + 1} is not a page in JSON`);
      }
    });
}

/**
 * Joins shard outputs into one report with totals. A page found in two outputs (a shard run twice)
 * counts once: the later file's entry wins, so a re-run replaces a failed attempt.
 */
export function mergeOutputs(files: string[]): { pages: ScannedPage[]; totals: Totals } {
  const byInput = new Map<string, ScannedPage>();
  for (const file of files) for (const page of readPages(file)) byInput.set(page.input ?? page.url, page);
  const pages = [...byInput.values()];
  return { pages, totals: totalsOf(pages) };
}

export function totalsOf(pages: ScannedPage[]): Totals {
  const totals: Totals = { pages: pages.length, watched: 0, unwatched: 0, failed: 0, platforms: {}, features: {}, partners: {}, arrangements: {} };
  const tally = (into: Record<string, number>, names: Iterable<string>) => {
    for (const name of new Set(names)) into[name] = (into[name] ?? 0) + 1;
  };
  for (const page of pages) {
    if (page.error) totals.failed++;
    else if (!page.platform) totals.unwatched++;
    else totals.watched++;
    if (page.platform) tally(totals.platforms, [page.platform]);
    tally(totals.features, page.detections.map((d) => d.feature));
    tally(totals.partners, [...page.detections.flatMap((d) => d.partners), ...page.findings.flatMap((f) => f.partners)]);
    for (const f of new Map(page.findings.map((f) => [f.arrangementId, f])).values()) {
      const entry = (totals.arrangements[f.arrangementId] ??= { title: f.title, pages: 0 });
      entry.pages++;
    }
  }
  return totals;
}
