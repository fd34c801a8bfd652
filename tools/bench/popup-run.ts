import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settledBadge, type ExtensionSession } from '../harness/browser';
import { askBackground } from '../harness/background';
import { generatedArrangement } from './generated-list';

export const POPUP_FINDINGS = 25;
/** Findings the fold is measured with: one, a few, and a busy page. */
export const FOLD_FINDINGS = [1, 3, 10] as const;
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
  /** ms from navigation start until the verdict line was painted. */
  firstContent: number[];
  /** ms from navigation start until the findings' rows are in the DOM and a frame was drawn. */
  allCards: number[];
  /** First content for the floor page: what opening any page of the extension costs before our code runs. */
  floor: number[];
}

const FLOOR_PAGE = 'bench-floor.html';
export const FLOOR_CARDS = 25;

/**
 * A copy of the built extension with one page added: no script, no stylesheet, only a verdict
 * line and a section of as many one-line rows as the popup has findings (text, so that its paint
 * is timed as the popup's is). Opened exactly as the popup is, it is the floor under the popup's
 * figure. The build itself stays as it ships.
 */
export function withFloorPage(build: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'ledgerlight-bench-'));
  cpSync(build, path, { recursive: true });
  const cards = `<h2 data-testid="summary">Floor</h2><section class="findings"><ul>${Array.from({ length: FLOOR_CARDS }, (_, n) => `<li data-arrangement="floor-${n}">Row ${n}</li>`).join('')}</ul></section>`;
  writeFileSync(join(path, FLOOR_PAGE), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body>${cards}</body></html>`);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

declare global {
  interface Window {
    ledgerlightPopupShown?: { first?: number; all?: number };
  }
}

/**
 * Opens an extension page in a new tab, the way the popup is opened, and notes when its verdict
 * line was painted, and when the findings' section was in the DOM with a frame drawn after it.
 *
 * The first is the browser's own paint time for that element (Element Timing: the attribute is
 * set the moment it enters the DOM, before any frame).
 */
async function timeOpen(session: ExtensionSession, path: string): Promise<{ first: number; all: number }> {
  const page = await session.context.newPage();
  // No named functions in here: the bundler would wrap them in a helper the page does not have.
  await page.addInitScript(() => {
    const shown: { first?: number; all?: number } = (window.ledgerlightPopupShown = {});
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) if (entry.identifier === 'verdict') shown.first = entry.renderTime;
    }).observe({ type: 'element', buffered: true });
    new MutationObserver((_records, observer) => {
      const verdict = document.querySelector('[data-testid="summary"]');
      if (verdict && !verdict.hasAttribute('elementtiming')) verdict.setAttribute('elementtiming', 'verdict');
      if (!document.querySelector('.findings [data-arrangement]')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (shown.all = performance.now())));
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  await page.waitForFunction(() => window.ledgerlightPopupShown?.all !== undefined && window.ledgerlightPopupShown?.first !== undefined, undefined, {
    timeout: 10_000,
  });
  const shown = await page.evaluate(() => window.ledgerlightPopupShown as { first: number; all: number });
  await page.close();
  return shown;
}

export interface Fold {
  findings: number;
  /** Words whose line ends inside the first 600 px of a 400-pixel-wide popup. */
  wordsAbove: number;
  /** The popup's full height, as if it never scrolled. */
  height: number;
  /** Whether the verdict, the page diagram and the first line of "What you can do" all end above the fold. */
  answerAbove: boolean;
}

/** The shop page's popup with `n` findings: how much of it a person reads before scrolling. */
async function measureFold(session: ExtensionSession, extensionPage: Page, n: number): Promise<Fold> {
  const arrangements = Array.from({ length: n }, (_, i) => generatedArrangement(i, 'facebook', ['paypal'], ['checkout']));
  const imported = await askBackground(extensionPage, 'list:import', { text: JSON.stringify({ format: 1, version: `bench-fold-${n}`, arrangements }) });
  if (!imported.ok) throw new Error(`The benchmark list was refused: ${imported.error}`);
  const shop = await session.context.newPage();
  await shop.goto(SHOP_URL);
  const tabId = await session.tabIdOf(shop);
  await settledBadge(session, tabId);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.findings [data-arrangement]').first().waitFor();
  const fold = await popup.evaluate(() => {
    const FOLD = 600;
    let words = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.height > 0);
      if (!rects.length) continue;
      // A text node split over lines counts the share of its words on lines above the fold.
      const above = rects.filter((r) => r.bottom <= FOLD).length / rects.length;
      words += Math.round((node.textContent ?? '').split(/\s+/).filter(Boolean).length * above);
    }
    // No named functions in here: the bundler would wrap them in a helper the page does not have.
    const answer = ['[data-testid="summary"]', '[data-testid="diagram"]', '[data-testid="actions"] h2 + *'].map((selector) => document.querySelector(selector));
    return {
      wordsAbove: words,
      height: document.querySelector('.popup')!.scrollHeight,
      answerAbove: answer.every((el) => el !== null && el.getBoundingClientRect().bottom <= FOLD),
    };
  });
  await Promise.all([popup.close(), shop.close()]);
  return { findings: n, ...fold };
}

/**
 * Measures the fold with 1, 3 and 10 findings, then imports 25 arrangements that apply to the
 * shop page, opens it, then opens popup.html?tab=ID several times and notes when the verdict
 * and the rows are painted. Each open is followed by one of the floor page (the session must run
 * on a build from withFloorPage), so both see the same machine.
 */
export async function timePopup(session: ExtensionSession, extensionPage: Page): Promise<PopupTimes & { folds: Fold[] }> {
  const folds: Fold[] = [];
  for (const n of FOLD_FINDINGS) folds.push(await measureFold(session, extensionPage, n));
  const arrangements = Array.from({ length: POPUP_FINDINGS }, (_, n) => generatedArrangement(n, 'facebook', ['paypal'], ['checkout']));
  const imported = await askBackground(extensionPage, 'list:import', { text: JSON.stringify({ format: 1, version: 'bench-popup', arrangements }) });
  if (!imported.ok) throw new Error(`The benchmark list was refused: ${imported.error}`);

  const shop = await session.context.newPage();
  await shop.goto(SHOP_URL);
  const tabId = await session.tabIdOf(shop);
  await settledBadge(session, tabId);
  // The badge counts only active findings; the report holds them all.
  const report = await askBackground(extensionPage, 'tab:report', { tabId });
  const findings = report.ok ? (report.value as { findings: unknown[] }).findings.length : 0;

  const firstContent: number[] = [];
  const allCards: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const popup = await timeOpen(session, `popup.html?tab=${tabId}`);
    firstContent.push(popup.first);
    allCards.push(popup.all);
    floor.push((await timeOpen(session, FLOOR_PAGE)).first);
  }
  await shop.close();
  return { findings, firstContent, allCards, floor, folds };
}
