import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settledBadge, type ExtensionSession } from '../harness/browser';
import { askBackground } from '../harness/background';
import { generatedArrangement } from './generated-list';

export const POPUP_FINDINGS = 20;
export const SHOP_URL = 'https://www.facebook.com/marketplace/item/4417203911/';
const RUNS = 15;

/** A Marketplace item with a PayPal checkout button: every generated arrangement applies to it. */
export function shopHtml(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Marketplace | Facebook</title></head>
<body><div id="mount_0_0_Mk" class="x1n2onr6"><div class="x78zum5 xdt5ytf" role="main">
<h1 class="x1heor9g"><span dir="auto">Road bike, barely used</span></h1>
<div class="x1i10hfl xjbqb8w x6umtig" role="button" tabindex="0"><span class="x193iq5w">Pay with PayPal</span></div>
</div></div></body></html>`;
}

export interface PopupTimes {
  findings: number;
  /** ms from navigation start until the summary line and the first finding card's title were painted. */
  firstContent: number[];
  /** ms from navigation start until every finding card is in the DOM and a frame was drawn. */
  allCards: number[];
  /** First content for the floor page: what opening any page of the extension costs before our code runs. */
  floor: number[];
}

const FLOOR_PAGE = 'bench-floor.html';
export const FLOOR_CARDS = 25;

/**
 * A copy of the built extension with one page added: no script, no stylesheet, only a summary
 * line and as many cards as the popup shows, each holding a title (text, so that its paint is
 * timed as the popup's is). Opened exactly as the popup is, it is the floor under the popup's
 * figure. The build itself stays as it ships.
 */
export function withFloorPage(build: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'ledgerlight-bench-'));
  cpSync(build, path, { recursive: true });
  const cards = `<p data-testid="summary">Floor</p>${Array.from({ length: FLOOR_CARDS }, (_, n) => `<article data-arrangement="floor-${n}"><h2>Card ${n}</h2></article>`).join('')}`;
  writeFileSync(join(path, FLOOR_PAGE), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body>${cards}</body></html>`);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

declare global {
  interface Window {
    ledgerlightPopupShown?: { first?: number; all?: number };
  }
}

/**
 * Opens an extension page in a new tab, the way the popup is opened, and notes when its first
 * content (the summary line and a finding card's title) was painted, and when all `expected`
 * cards were in the DOM with a frame drawn after them.
 *
 * The first is the browser's own paint time for those two elements (Element Timing: the
 * attribute is set the moment they enter the DOM, before any frame). An earlier version waited
 * for the next animation frame and a timer after it instead; Preact's own after-paint work (the
 * rest of the cards) was queued on the same frame first, so that timer counted building 23 more
 * cards as part of the first content.
 */
async function timeOpen(session: ExtensionSession, path: string, expected: number): Promise<{ first: number; all: number }> {
  const page = await session.context.newPage();
  // No named functions in here: the bundler would wrap them in a helper the page does not have.
  await page.addInitScript((expected) => {
    const shown: { first?: number; all?: number } = (window.ledgerlightPopupShown = {});
    const painted = new Map<string, number>();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) painted.set(entry.identifier, entry.renderTime);
      if (painted.has('summary') && painted.has('first-card')) shown.first = Math.max(painted.get('summary')!, painted.get('first-card')!);
    }).observe({ type: 'element', buffered: true });
    new MutationObserver((_records, observer) => {
      const summary = document.querySelector('[data-testid="summary"]');
      const title = document.querySelector('[data-arrangement] h2');
      if (summary && title && !summary.hasAttribute('elementtiming')) {
        summary.setAttribute('elementtiming', 'summary');
        title.setAttribute('elementtiming', 'first-card');
      }
      if (document.querySelectorAll('[data-arrangement]').length < expected) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (shown.all = performance.now())));
    }).observe(document, { childList: true, subtree: true });
  }, expected);
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  await page.waitForFunction(() => window.ledgerlightPopupShown?.all !== undefined && window.ledgerlightPopupShown?.first !== undefined, undefined, {
    timeout: 10_000,
  });
  const shown = await page.evaluate(() => window.ledgerlightPopupShown as { first: number; all: number });
  await page.close();
  return shown;
}

/**
 * Imports 20 arrangements that apply to the shop page, opens it, then opens popup.html?tab=ID
 * several times and notes when all finding cards are rendered and painted. Each open is followed
 * by one of the floor page (the session must run on a build from withFloorPage), so both see
 * the same machine.
 */
export async function timePopup(session: ExtensionSession, extensionPage: Page): Promise<PopupTimes> {
  const arrangements = Array.from({ length: POPUP_FINDINGS }, (_, n) => generatedArrangement(n, 'facebook', ['paypal'], ['checkout']));
  const imported = await askBackground(extensionPage, 'list:import', { text: JSON.stringify({ format: 1, version: 'bench-popup', arrangements }) });
  if (!imported.ok) throw new Error(`The benchmark list was refused: ${imported.error}`);

  const shop = await session.context.newPage();
  await shop.goto(SHOP_URL);
  const tabId = await session.tabIdOf(shop);
  const findings = Number((await settledBadge(session, tabId)) || 0);

  const firstContent: number[] = [];
  const allCards: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await timeOpen(session, `popup.html?tab=${tabId}`, findings);
    firstContent.push(popup.first);
    allCards.push(popup.all);
    floor.push((await timeOpen(session, FLOOR_PAGE, FLOOR_CARDS)).first);
  }
  await shop.close();
  return { findings, firstContent, allCards, floor };
}
