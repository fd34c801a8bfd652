import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';

/**
 * A page cannot turn Ledgerlight against its user. The page's labels and a list file's text carry
 * markup and script; wherever Ledgerlight shows them they must appear as the literal characters,
 * and nothing they contain may run in the page, the popup, the options page or the worker.
 */
const HOSTILE_URL = 'https://www.messenger.com/t/100000000000666';
const LABEL = 'Send money <img src=x onerror=window.__pwned=1>';
const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messenger</title></head><body>
<div role="main" aria-label="Conversation">
  <div role="button" tabindex="0" aria-label="${LABEL}"></div>
  <button aria-label="Pay with PayPal &lt;script&gt;window.__pwned=2&lt;/script&gt;">$</button>
  <a href="https://www.paypal.com/myaccount/transfer" aria-label="&quot;&gt;&lt;svg onload=window.__pwned=3&gt;">PayPal</a>
  <div role="button" tabindex="0">&lt;img src=x onerror=window.__pwned=4&gt; Send money</div>
</div>
<script>
  // The page tries to read what Ledgerlight found from the DOM: findings must not be there.
  window.__seenByPage = () => document.body.innerText.includes('Fraud checks') || document.querySelector('[data-arrangement]') !== null;
</script>
</body></html>`;

const TITLE = 'Pay <b>now</b> <img src=x onerror="window.__pwned=5">';
const SUMMARY = '<script>window.__pwned=6</script> A summary that is really a script.';
const PURPOSE = '<iframe src="javascript:window.__pwned=7"></iframe> Fraud checks.';

function hostileList() {
  const score = { value: 1, reason: '<a href="javascript:window.__pwned=8">click</a>' };
  return JSON.stringify({
    format: 1,
    version: 'hostile-1',
    arrangements: [
      {
        id: 'hostile-arrangement',
        title: TITLE,
        summary: SUMMARY,
        platform: 'messenger',
        partners: ['paypal'],
        // The page shows PayPal in a checkout: an arrangement applies through a partner the page shows, in a feature it covers.
        features: ['p2p-payments', 'checkout'],
        flows: [{ from: 'messenger', to: 'paypal', data: ['payment-transactions'], purpose: PURPOSE }],
        regions: ['US'],
        status: 'active',
        since: '2017-03',
        scores: { control: score, collection: score, retention: score, deletion: score },
        sources: [{ publisher: '<marquee>Publisher</marquee>', title: '<img src=x onerror=window.__pwned=9>', url: 'https://news.example/a', published: '2017-03-01' }],
        lastReviewed: '2026-11-23',
        verified: false,
      },
    ],
  });
}

let session: ExtensionSession;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await launchExtension();
  session.context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );
  await servePages(session.context, { [HOSTILE_URL]: HOSTILE_PAGE });
});
afterAll(() => session?.close());

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

async function openOptions(): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.locator('input[type="file"]').waitFor();
  return options;
}

describe('a page or a list file cannot turn Ledgerlight against its user', () => {
  it('imports a list whose text carries markup, and shows that text as text in the options page', async () => {
    const options = await openOptions();
    await options.locator('input[type="file"]').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileList()) });
    await options.getByRole('button', { name: /^import$/i }).click();
    await options.getByRole('status').filter({ hasText: /imported/i }).waitFor();
    await options.reload();
    await options.locator('input[type="file"]').waitFor();
    // The search reads titles, summaries, platforms and partners' names (not ids), and the list
    // shows the unfiltered answer until the search's own arrives: wait for that one.
    await options.getByRole('searchbox').fill('really a script');
    await options.getByRole('status').filter({ hasText: /^Showing 1 of / }).waitFor();
    await options.getByRole('button', { name: TITLE, exact: true }).waitFor({ state: 'visible' });
    expect(await options.locator('img[src="x"], script:not([src]), iframe, marquee, svg[onload]').count()).toBe(0);
    expect(await pwned(options)).toBeUndefined();
    await options.close();
  });

  it('runs nothing from the page, and shows its findings in the popup as plain text', async () => {
    const page = await session.context.newPage();
    await page.goto(HOSTILE_URL);
    const tabId = await session.tabIdOf(page);
    expect(Number(await settledBadge(session, tabId))).toBeGreaterThan(0);

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    const card = popup.locator('[data-arrangement="hostile-arrangement"]');
    await card.waitFor();
    await card.getByText(TITLE, { exact: true }).waitFor({ state: 'visible' });
    await card.getByRole('button', { expanded: false }).click();
    await expect(card.locator('.score-reason').first().textContent()).resolves.toBe('<a href="javascript:window.__pwned=8">click</a>');
    expect(await popup.locator('img[src="x"], b, script:not([src]), iframe, marquee').count()).toBe(0);
    for (const link of await popup.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(link).toMatch(/^https:\/\//);

    expect(await pwned(popup)).toBeUndefined();
    expect(await pwned(page)).toBeUndefined();
    expect(await (await session.currentWorker()).evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __seenByPage(): boolean }).__seenByPage())).toBe(false);
    expect(dialogs).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });
});
