import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, savedTab, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { askBackground } from '../../tools/harness/background';
import { platformForUrl } from '../../utils/platforms';
import type { TabState } from '../../utils/model/tab-report';
import type { SignalHit } from '../../utils/model/detection';
import { passes, scorePage, table, type PageRun, type PageScore, type RealPage } from './real-pages/score';

/**
 * Real pages, saved by other projects from the sites and from vendors' SDKs (provenance in the
 * manifest), run through the built extension exactly as a user's browser would run it. Prints
 * recall and precision per platform; fails when a page that passed in the checked-in baseline no
 * longer does. `LEDGERLIGHT_WRITE_BASELINE=1` rewrites the baseline from this run.
 */
const ROOT = resolve('test/fixtures/real');
const BASELINE = resolve('test/e2e/real-pages/baseline.json');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as { pages: RealPage[] };
/** `LEDGERLIGHT_REAL_PAGES=tiktok/` runs only the pages whose file contains it (while working on a rule). */
const only = process.env.LEDGERLIGHT_REAL_PAGES ?? '';
const baseline: Record<string, 'pass' | 'fail'> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};

/**
 * Where a page is served. A vendor's SDK markup was saved from a shop, not a social site: it is
 * served inside one (a Facebook address no rule knows), as a social site embedding it would be.
 */
const addressOf = (page: RealPage) => page.url && page.platform ? page.url : `https://www.facebook.com/ledgerlight-sdk/${basename(page.file, '.html')}`;

let session: ExtensionSession;
let reporter: Page;

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, Object.fromEntries(manifest.pages.map((p) => [addressOf(p), () => readFileSync(resolve(ROOT, p.file), 'utf8')])));
  reporter = await session.context.newPage();
  await reporter.goto(`chrome-extension://${session.extensionId}/options.html`);
  // As the scanner reads pages: whole, rather than what is near the screen first.
  const settings = await askBackground(reporter, 'settings:get', undefined);
  if (!settings.ok) throw new Error(settings.error);
  await askBackground(reporter, 'settings:set', { ...settings.value, wholePage: true });
});
afterAll(() => session?.close());

/** Whether every signal a finding gives as its reason can be seen in the page as it now is. */
function reasonsOnPage(page: Page, because: SignalHit[]): Promise<boolean> {
  return page.evaluate((signals) => {
    const squeeze = (text: string) => text.replace(/\s+/g, ' ');
    const path = location.pathname + location.search;
    const text = `${squeeze(document.body?.innerText ?? '')}\n${squeeze(document.documentElement.textContent ?? '')}`;
    const attributes = () => [...document.querySelectorAll('[aria-label],[title],[alt],[value]')].flatMap((e) => ['aria-label', 'title', 'alt', 'value'].map((a) => e.getAttribute(a) ?? ''));
    const addresses = (selector: string, attribute: string) => [...document.querySelectorAll(selector)].map((e) => e.getAttribute(attribute) ?? '');
    const holds = ({ kind, evidence }: { kind: string; evidence: string }) => {
      switch (kind) {
        case 'route':
          return path.startsWith(evidence);
        case 'entity-page':
          return path.toLowerCase().startsWith(evidence);
        case 'control':
          return text.includes(evidence) || attributes().some((a) => squeeze(a).includes(evidence));
        case 'selector':
          return document.querySelector(evidence) !== null;
        case 'script':
          return addresses('script[src]', 'src').some((src) => src.includes(evidence));
        case 'frame':
          return addresses('iframe[src]', 'src').some((src) => src.includes(evidence));
        default:
          return [...addresses('a[href]', 'href'), ...addresses('form[action]', 'action')].some((url) => url.includes(evidence));
      }
    };
    return signals.length > 0 && signals.every(holds);
  }, because);
}

async function run(real: RealPage): Promise<PageRun> {
  const page = await session.context.newPage();
  try {
    await page.goto(addressOf(real), { waitUntil: 'load', timeout: 30_000 });
    // By address, not by title: some saved pages' own scripts keep setting their title.
    const url = page.url();
    const tabId = await (await session.currentWorker()).evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
    if (tabId === undefined) throw new Error(`no tab shows ${url}`);
    await settledBadge(session, tabId, { timeout: 20_000 });
    const state = await savedTab<TabState>(session, tabId);
    const findings = [];
    for (const f of state?.findings ?? []) findings.push({ ...f, reasonOnPage: await reasonsOnPage(page, f.because) });
    return { detections: state?.detections ?? [], findings };
  } finally {
    await page.close();
  }
}

describe('Ledgerlight on real pages', () => {
  it('is as right as it was on every page that passed, and says how right per platform', { timeout: 900_000 }, async () => {
    const rows: { page: RealPage; score: PageScore }[] = [];
    const unwatched = manifest.pages.filter((p) => !platformForUrl(addressOf(p)));
    for (const page of manifest.pages) {
      if (!page.file.includes(only) || unwatched.includes(page)) continue;
      const outcome = await run(page).catch((error: Error) => error);
      rows.push({
        page,
        score: outcome instanceof Error ? { truePositives: 0, falseNegatives: 1, falsePositives: 0, problems: [`not run: ${outcome.message.split('\n')[0]}`] } : scorePage(page, outcome),
      });
    }

    console.log(`\nReal pages (${rows.length}, test/fixtures/real):\n${table(rows)}`);
    // Ledgerlight does not run there at all, so they prove nothing either way.
    if (unwatched.length) console.log(`  not scored, on hosts Ledgerlight does not watch: ${unwatched.map((p) => p.url).join(', ')}`);
    for (const { page, score } of rows) if (!passes(score)) console.log(`  ${page.file}: ${score.problems.join('; ')}`);

    if (process.env.LEDGERLIGHT_WRITE_BASELINE === '1' && !only)
      writeFileSync(BASELINE, `${JSON.stringify(Object.fromEntries(rows.map((r) => [r.page.file, passes(r.score) ? 'pass' : 'fail'])), null, 2)}\n`);
    const regressed = rows.filter((r) => baseline[r.page.file] === 'pass' && !passes(r.score)).map((r) => `${r.page.file}: ${r.score.problems.join('; ')}`);
    expect(regressed).toEqual([]);
  });
});
