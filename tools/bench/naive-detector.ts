import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The URL the naive detector's code carries in CPU profiles, so its samples can be told apart. */
export const NAIVE_SOURCE_URL = 'ledgerlight-bench-naive-detector.js';

interface RuleFile {
  rules: { signals: { kind: string; labels?: Record<string, string[]> }[] }[];
}
interface EntityFile {
  entities: { kind: string; domains?: string[] }[];
}

/**
 * The baseline to beat: what a first attempt at this extension would do. It knows the same
 * phrases and payment domains as the bundled rules, but rescans the whole document with
 * querySelectorAll on every mutation. Returned as page script text, run in the page's world.
 */
export function naiveDetectorScript(dataDir = resolve('public/data')): string {
  const rules = JSON.parse(readFileSync(resolve(dataDir, 'rules.json'), 'utf8')) as RuleFile;
  const entities = JSON.parse(readFileSync(resolve(dataDir, 'entities.json'), 'utf8')) as EntityFile;
  const phrases = rules.rules.flatMap((r) => r.signals.flatMap((s) => Object.values(s.labels ?? {}).flat()));
  const domains = entities.entities.filter((e) => e.kind !== 'platform' && e.kind !== 'owner').flatMap((e) => e.domains ?? []);
  return `(() => {
  const phrases = ${JSON.stringify(phrases.map((p) => p.toLowerCase()))};
  const domains = ${JSON.stringify(domains)};
  const selector = 'button,a[href],[role="button"],[role="link"],iframe[src],script[src],form[action]';
  const times = (window.ledgerlightNaiveTimes = { firstScan: 0, batches: [] });
  function scanAll() {
    const t0 = performance.now();
    const found = [];
    for (const element of document.querySelectorAll(selector)) {
      const label = (element.getAttribute('aria-label') || element.textContent || '').toLowerCase();
      const url = element.getAttribute('src') || element.getAttribute('href') || element.getAttribute('action') || '';
      if (phrases.some((p) => label.includes(p)) || domains.some((d) => url.includes(d))) found.push(element);
    }
    return performance.now() - t0;
  }
  times.firstScan = scanAll();
  new MutationObserver(() => times.batches.push(scanAll())).observe(document, { childList: true, subtree: true, attributes: true });
})();
//# sourceURL=${NAIVE_SOURCE_URL}`;
}
