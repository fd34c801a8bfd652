import type { TabReport } from '../../utils/model/tab-report';
import type { Target } from './targets';

type Signal = { kind: string; evidence: string };

/** One scanned page in the shape /work/shared/design.md promises to `npm run scan -- --json` readers. */
export interface ScannedPage {
  url: string;
  /** The page as the input named it ("URL", "FILE URL" or "ARCHIVE URL"): what `--resume` skips by. */
  input: string;
  /** The watched platform's name; null when Ledgerlight does not watch the page (see `reason`) or it failed (see `error`). */
  platform: string | null;
  detections: { ruleId: string; feature: string; partners: string[]; confidence: string; count: number; signals: Signal[] }[];
  findings: {
    arrangementId: string;
    title: string;
    platform: string;
    partners: string[];
    status: string;
    dataShared: string[];
    sources: { url: string; publisher: string; title: string; published: string }[];
    /** The signals on the page that made it apply. */
    because: { kind: string; evidence: string }[];
  }[];
  /** Why nothing was looked for on a page that loaded (a site Ledgerlight does not watch). */
  reason?: string;
  /** Why the page could not be scanned (missing file, unreachable URL, timed out, crashed); absent when it was. */
  error?: string;
  /** False when the page was still changing at the time limit and was read as it was then. */
  settled?: boolean;
}

/** Turns the background's tab report into the scanner's page entry, naming parties rather than citing ids. */
export function scannedPage(target: Target, url: string, report: TabReport, settled: boolean): ScannedPage {
  const name = (id: string) => (id === 'any' ? 'any site' : (report.entities[id]?.name ?? id));
  const signals = (d: TabReport['detections'][number]) => d.signals.map((s) => ({ kind: s.kind, evidence: s.evidence }));
  return {
    url,
    input: target.input,
    platform: report.platform ? name(report.platform.id) : null,
    detections: report.detections.map((d) => ({
      ruleId: d.ruleId,
      feature: d.feature,
      partners: d.partners.map(name),
      confidence: d.confidence,
      count: d.count,
      signals: signals(d),
    })),
    findings: report.findings.flatMap((f) => {
      const a = report.arrangements[f.arrangementId];
      if (!a) return [];
      return [
        {
          arrangementId: a.id,
          title: a.title,
          platform: name(a.platform),
          partners: a.partners.map(name),
          status: a.status,
          dataShared: [...new Set(a.flows.flatMap((flow) => flow.data))],
          sources: a.sources.map((s) => ({ url: s.url, publisher: s.publisher, title: s.title, published: s.published })),
          because: f.because.map((s) => ({ kind: s.kind, evidence: s.evidence })),
        },
      ];
    }),
    ...(settled ? {} : { settled }),
  };
}

const emptyPage = (target: Target, url = target.url) => ({ url, input: target.input, platform: null, detections: [], findings: [] });

export const failedPage = (target: Target, error: string): ScannedPage => ({ ...emptyPage(target), error });

export const unwatchedPage = (target: Target, url: string): ScannedPage => ({ ...emptyPage(target, url), reason: 'not a site Ledgerlight watches: nothing was looked for' });

/** The report for people: one block per page, what was seen and which known arrangements apply. */
export function describePage(p: ScannedPage): string {
  const lines = [p.input === p.url ? p.url : `${p.url} (${p.input})`];
  if (p.error) return [...lines, `  could not be scanned: ${p.error}`].join('\n');
  if (!p.platform) return [...lines, `  ${p.reason ?? 'not a site Ledgerlight watches'}`].join('\n');
  const features = new Set(p.detections.map((d) => d.feature)).size;
  lines.push(`  ${p.platform}: ${count(features, 'bank-linked feature')} detected; ${count(p.findings.length, 'known arrangement')}`);
  if (p.settled === false) lines.push('  (still changing at the time limit: read as it was then)');
  for (const d of p.detections) {
    const partners = d.partners.length ? ` with ${d.partners.join(', ')}` : '';
    const evidence = d.signals.map((s) => `${s.kind} "${s.evidence}"`).join(', ');
    lines.push(`  - detected ${d.feature}${partners} (${d.confidence} confidence, ${count(d.count, 'element')}): ${evidence}`);
  }
  for (const f of p.findings) {
    lines.push(`  * ${f.title}`);
    lines.push(`    ${f.platform} with ${f.partners.join(', ')}; ${f.status}; data shared: ${f.dataShared.join(', ')}`);
    lines.push(`    because: ${f.because.map((s) => `${s.kind} "${s.evidence}"`).join(', ')}`);
    for (const s of f.sources) lines.push(`    source: ${s.publisher}, ${s.published}: ${s.url}`);
  }
  return lines.join('\n');
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
