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

/** The popup as the toolbar shows it: 420 pixels wide, at most 600 tall. */
async function openPopup(colorScheme: 'light' | 'dark'): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 420, height: 600 });
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
  it('sums up the page and explains each known arrangement with its partners and data', async () => {
    const popup = await openPopup('light');
    const cards = popup.locator('[data-arrangement]');
    expect(await cards.count()).toBe(Number(badge));
    await expect.poll(() => popup.getByTestId('summary').textContent()).toBe(`1 bank-linked feature on this page; ${badge} known arrangements.`);
    for (const card of await cards.all()) {
      expect((await card.locator('.partners').textContent())?.trim()).not.toBe('');
      // The plain sentence names who shares which data with whom.
      expect(await card.locator('.sentence').textContent()).toMatch(/ (shares?|shared|asked to share) .+ with /);
      expect(await card.getByRole('img').getAttribute('aria-label')).toMatch(/^Data flows: .+ to .+: /);
      expect(await card.locator('.score').count()).toBe(4);
    }
    const paypal = popup.locator('[data-arrangement]', { hasText: 'PayPal added as a funding source' });
    await expect.poll(() => paypal.locator('.sentence').textContent()).toContain('payments made');
    await popup.close();
  });

  it('writes a deletion request to the party that receives the data, ready to copy and save', async () => {
    const popup = await openPopup('light');
    const card = popup.locator('[data-arrangement]', { hasText: 'PayPal added as a funding source' });
    await card.getByText('Ask for your data').click();
    await card.getByLabel('Delete my data').check();
    await card.getByLabel('Law').selectOption('ccpa');
    const letter = await card.getByLabel('Request text').inputValue();
    expect(letter).toContain('Request to delete my personal information (CCPA)');
    expect(letter).toContain('To the privacy team of PayPal,');
    expect(letter).toContain('payments made');
    const [download] = await Promise.all([popup.waitForEvent('download'), card.getByRole('button', { name: 'Save as .txt' }).click()]);
    expect(download.suggestedFilename()).toBe('ccpa-deletion-request-paypal.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe(letter);
    await popup.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violation in the ${scheme} theme, and is photographed for the README`, async () => {
      const popup = await openPopup(scheme);
      await popup.screenshot({ path: resolve(`docs/screenshots/popup-${scheme}.png`) });
      // Every collapsed part open, so axe checks what a user can reach.
      await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();
    });
  }
});
