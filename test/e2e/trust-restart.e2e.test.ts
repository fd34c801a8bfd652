import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { launchExtension, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixture } from '../../tools/harness/fixture-pages';

/**
 * Chrome stops an idle service worker after about thirty seconds. The findings of an open tab and
 * its badge must outlive that: the popup opened a minute later wakes a fresh worker, which has to
 * find them again without the page being scanned anew.
 */
const sendMoney = readFixture(resolve('test/fixtures/pages/messenger/thread-send-money.html'));
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, { [sendMoney.url]: sendMoney.html });
});
afterAll(() => session?.close());

describe('findings survive a stopped service worker', () => {
  it('keeps the badge and the popup’s findings after the worker is stopped', async () => {
    const page = await session.context.newPage();
    await page.goto(sendMoney.url);
    const tabId = await session.tabIdOf(page);
    const badge = await settledBadge(session, tabId);
    expect(Number(badge)).toBeGreaterThan(0);

    const before = await session.context.newPage();
    await before.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await before.locator('[data-arrangement]').first().waitFor();
    const arrangementsBefore = await before.locator('[data-arrangement]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arrangement')));
    await before.close();

    // Playwright keeps a stopped worker's handle, so the stop is read from Chromium itself.
    const cdp = await session.context.newCDPSession(page);
    const stopped = new Promise<void>((done) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`) && v.runningStatus === 'stopped')) done();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;

    // Opening the popup sends a message, which starts a new worker.
    const after = await session.context.newPage();
    await after.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await after.locator('[data-arrangement]').first().waitFor();
    const arrangementsAfter = await after.locator('[data-arrangement]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-arrangement')));
    expect(arrangementsAfter).toEqual(arrangementsBefore);
    // Any extension page may read the badge; the popup does so without the old worker's handle.
    expect(await after.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(badge);
    await Promise.all([after.close(), page.close()]);
  });
});
