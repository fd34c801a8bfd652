import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, savedTab, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixturePages } from '../../tools/harness/fixture-pages';

// The demo pages are what a newcomer sees first with `npm start`: they must keep working.
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
  for (const fixture of demo) {
    const payment = fixture.fires.length > 0;
    it(`${payment ? 'counts the findings' : 'shows an empty badge'} on ${fixture.url}`, async () => {
      const { page, tabId, badge } = await open(fixture.url);
      const popup = await popupFor(tabId);
      const cards = await popup.locator('[data-arrangement]').count();
      if (payment) {
        expect(Number(badge)).toBeGreaterThan(0);
        expect(cards).toBe(Number(badge));
      } else {
        expect(badge).toBe('');
        expect(cards).toBe(0);
        await expect(popup.textContent('body')).resolves.toMatch(/no bank-linked feature/i);
      }
      const detected = await popup.locator('[data-rule]').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')));
      for (const rule of fixture.fires) expect(detected).toContain(rule);
      await Promise.all([page.close(), popup.close()]);
    });
  }

  it('explains each finding in the popup: parties, data and direction, status, sources', async () => {
    const { tabId } = await open(demo.find((p) => p.url.includes('messenger.com'))!.url);
    const popup = await popupFor(tabId);
    const cards = popup.locator('[data-arrangement]');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      await expect(card.locator('h2, h3').first().textContent()).resolves.toMatch(/\w/);
      await expect(card.locator('.partners').first().textContent()).resolves.toMatch(/\w/);
      // One labelled arrow per data flow, and a text alternative naming who sends what to whom.
      expect(await card.locator('.flow-diagram .arrow').count()).toBeGreaterThan(0);
      await expect(card.locator('.flow-diagram .flow-data').first().textContent()).resolves.toMatch(/\w/);
      await expect(card.locator('.flow-diagram').getAttribute('aria-label')).resolves.toMatch(/\w/);
      await expect(card.locator('.status').first().textContent()).resolves.toMatch(/\d{4}/);
      const links = await card.locator('.sources a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
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

