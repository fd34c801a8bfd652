import type { Page } from 'playwright-core';
import { settledBadge, type ExtensionSession } from '../../test/harness/browser';
import { askBackground } from '../scan/background';
import { generatedArrangement } from './generated-list';

export const POPUP_FINDINGS = 20;
export const SHOP_URL = 'https://www.facebook.com/marketplace/item/4417203911/';
const RUNS = 7;

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
  /** ms from navigation start until every finding card is in the DOM and a frame was drawn. */
  firstContent: number[];
}

declare global {
  interface Window {
    ledgerlightPopupShown?: number;
  }
}

/**
 * Imports 20 arrangements that apply to the shop page, opens it, then opens popup.html?tab=ID
 * several times and notes when all finding cards are rendered and painted.
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
  for (let i = 0; i < RUNS; i++) {
    const popup = await session.context.newPage();
    await popup.addInitScript((expected) => {
      new MutationObserver((_records, observer) => {
        if (document.querySelectorAll('[data-arrangement]').length < expected) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.ledgerlightPopupShown = performance.now())));
      }).observe(document, { childList: true, subtree: true });
    }, findings);
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => window.ledgerlightPopupShown !== undefined, undefined, { timeout: 10_000 });
    firstContent.push(await popup.evaluate(() => window.ledgerlightPopupShown!));
    await popup.close();
  }
  await shop.close();
  return { findings, firstContent };
}
