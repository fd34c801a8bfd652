import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, savedTab, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixturePages } from '../../tools/harness/fixture-pages';

// The demo pages are what a newcomer sees first with `npm start`: they must keep working. The badge
// and popup on each of them is checked in every browser by browsers.e2e.test.ts; these go further, in Chromium.
const demo = readFixturePages(resolve('test/fixtures/demo'));
let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, Object.fromEntries(demo.map((p) => [p.url, p.html])));
});
afterAll(() => session?.close());

async function open(url: string): Promise<{ page: Page; tabId: number; badge: string }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const tabId = await session.tabIdOf(page);
  return { page, tabId, badge: await settledBadge(session, tabId) };
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="summary"]');
  return popup;
}

describe('Ledgerlight on the demo pages', () => {
  it('explains the page in the popup: a verdict, one diagram, and each finding opening to its sentence, status and sources', async () => {
    const { tabId } = await open(demo.find((p) => p.url.includes('messenger.com'))!.url);
    const popup = await popupFor(tabId);
    await expect(popup.getByRole('heading', { level: 2 }).first().textContent()).resolves.toMatch(/^Paying here shares your .+ with .+\.$/);
    // One diagram for the page, each party once, with a text alternative naming who sends what to whom.
    const diagram = popup.getByTestId('diagram');
    expect(await diagram.count()).toBe(1);
    const parties = await diagram.locator('.link .party').allTextContents();
    expect(new Set(parties).size).toBe(parties.length);
    await expect(diagram.getAttribute('aria-label')).resolves.toMatch(/^Who receives data on this page\. You use Messenger/);
    const rows = popup.locator('[data-arrangement]');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      await expect(row.locator('.row-title').textContent()).resolves.toMatch(/\w/);
      await row.locator('.row-button').click();
      await expect(row.locator('.sentence').textContent()).resolves.toMatch(/ with /);
      await expect(row.locator('.status').first().textContent()).resolves.toMatch(/\d{4}/);
      const links = await row.locator('.source-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toMatch(/^https:\/\//);
    }
    await popup.close();
  });

  it('drops findings when the tab leaves for a page without payment features', async () => {
    const { page, tabId, badge } = await open(demo.find((p) => p.url.includes('messenger.com'))!.url);
    expect(Number(badge)).toBeGreaterThan(0);
    await page.goto(demo.find((p) => p.fires.length === 0)!.url);
    expect(await settledBadge(session, tabId)).toBe('');
    await page.close();
  });

  it('keeps the findings through in-app moves that change nothing it found, without reporting again', async () => {
    const { page, tabId, badge } = await open(demo.find((p) => p.url.includes('messenger.com'))!.url);
    expect(Number(badge)).toBeGreaterThan(0);
    const before = await savedTab<{ updatedAt: number }>(session, tabId);
    // The page's own script moves the address and rewrites its title, as a chat does on each message.
    await page.evaluate(async () => {
      for (let n = 0; n < 3; n++) {
        history.pushState({}, '', `${location.pathname}?n=${n}`);
        document.title = `(${n + 1}) Messenger`;
        await new Promise((done) => setTimeout(done, 300));
      }
    });
    expect(await settledBadge(session, tabId)).toBe(badge);
    expect((await savedTab<{ updatedAt: number }>(session, tabId))!.updatedAt).toBe(before!.updatedAt);
    await page.close();
  });

  it('leaves an open page alone when an unrelated setting changes, and restarts it when markers are switched on', async () => {
    const { page, tabId } = await open(demo.find((p) => p.url.includes('messenger.com'))!.url);
    const worker = await session.currentWorker();
    const reportedAt = async () => (await savedTab<{ updatedAt: number }>(session, tabId))!.updatedAt;
    const setSettings = (change: Record<string, unknown>) =>
      worker.evaluate(async (c) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings as object), ...c } });
      }, change);
    const before = await reportedAt();

    // A rescan would report the page again; the history period has nothing to do with it.
    await setSettings({ historyDays: 7 });
    await new Promise((done) => setTimeout(done, 1500));
    expect(await reportedAt()).toBe(before);

    await setSettings({ markers: true });
    await expect.poll(reportedAt, { timeout: 5000 }).toBeGreaterThan(before);
    await setSettings({ markers: false, historyDays: 30 });
    await page.close();
  });
});

