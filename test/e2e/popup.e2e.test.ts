import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixture } from '../../tools/harness/fixture-pages';

const sendMoney = readFixture(resolve('test/fixtures/pages/messenger/thread-send-money.html'));
const AXE = resolve('node_modules/axe-core/axe.min.js');

let session: ExtensionSession;
let tabId: number;
let badge: string;

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, { [sendMoney.url]: sendMoney.html });
  const page = await session.context.newPage();
  await page.goto(sendMoney.url);
  tabId = await session.tabIdOf(page);
  badge = await settledBadge(session, tabId);
});
afterAll(() => session?.close());

/** The popup as the toolbar shows it: 400 pixels wide, at most 600 tall. */
async function openPopup(colorScheme: 'light' | 'dark'): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('[data-arrangement]').first().waitFor();
  return popup;
}

async function seriousViolations(page: Page) {
  // Evaluated rather than added as a <script>: the extension's CSP rightly refuses inline scripts.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const results = await page.evaluate(() => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the popup on a Messenger thread with a send-money button', () => {
  it('answers on the first screen: the verdict, the diagram and the first action, in 14 px text', async () => {
    const popup = await openPopup('light');
    const verdict = popup.getByTestId('summary');
    expect(await verdict.evaluate((e) => e.tagName)).toBe('H2');
    await expect(verdict.textContent()).resolves.toMatch(/^Paying here shares your .*payment history.* with Facebook, Visa, Mastercard/);
    // Nothing to scroll for: each of the three ends inside the 600-pixel popup.
    for (const part of [verdict, popup.getByTestId('diagram'), popup.getByTestId('actions').locator('h2 + *')]) {
      const box = (await part.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(600);
    }
    // Chromium's default for extension pages would make this 10.5 px.
    expect(await popup.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.row-title')!).fontSize))).toBeGreaterThanOrEqual(14);
    // The 2018 story where it happened, with each bank's answer.
    await expect(popup.getByTestId('story').textContent()).resolves.toMatch(/In 2018, the press reported that Facebook asked .*JPMorgan Chase.* for card transactions and account balances for Messenger\./);
    await expect(popup.getByTestId('story').getByRole('button', { name: 'JPMorgan Chase: not confirmed' }).getAttribute('aria-expanded')).resolves.toBe('false');
    const rows = popup.locator('[data-arrangement]');
    for (const row of await rows.all()) {
      const button = row.locator('.row-button');
      expect((await button.boundingBox())!.height).toBeLessThan(40);
      await button.click();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(row.locator('.sentence').textContent()).resolves.toMatch(/ with /);
      expect(await row.locator('.score').count()).toBe(4);
    }
    const paypal = popup.locator('[data-arrangement]', { hasText: 'PayPal added as a funding source' });
    await expect(paypal.locator('.sentence').textContent()).resolves.toContain('payment history');
    await popup.close();
  });

  it('writes a deletion request to the party that receives the data, ready to copy and save', async () => {
    const popup = await openPopup('light');
    const card = popup.locator('[data-arrangement]', { hasText: 'PayPal added as a funding source' });
    await card.locator('.row-button').click();
    await card.getByText('Ask for your data').click();
    await card.getByLabel('Delete my data').check();
    await card.getByLabel('Law').selectOption('ccpa');
    const letter = await card.getByLabel('Request text').inputValue();
    expect(letter).toContain('Request to delete my personal information (CCPA)');
    expect(letter).toContain('To the privacy team of PayPal,');
    expect(letter).toContain('payment history');
    const [download] = await Promise.all([popup.waitForEvent('download'), card.getByRole('button', { name: 'Save as .txt' }).click()]);
    expect(download.suggestedFilename()).toBe('ccpa-deletion-request-paypal.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe(letter);
    await popup.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violation in the ${scheme} theme`, async () => {
      const popup = await openPopup(scheme);
      // Into the untracked test-results/: README pictures come from `npm run screenshots`, never from a test run.
      await popup.screenshot({ path: resolve(`test-results/screenshots/popup-${scheme}.png`) });
      // Every collapsed part open, so axe checks what a user can reach.
      await popup.locator('.show-more').click();
      // Handles, not locators: a locator for "collapsed" would move to the next one after each click.
      for (const button of await popup.$$('[aria-expanded="false"]')) await button.click();
      await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
    });
  }
});
