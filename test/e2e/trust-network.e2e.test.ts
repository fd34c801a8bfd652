import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { launchExtension, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixturePages } from '../../tools/harness/fixture-pages';

/**
 * "With default settings the extension makes no network request of its own." Every request the
 * browser makes is recorded with who made it; the extension's service worker and pages may only
 * load their own files, and the social pages may make no request they would not make without
 * Ledgerlight installed (a content script's fetch would show up there).
 */
const fixtures = [...readFixturePages(resolve('test/fixtures/pages')), ...readFixturePages(resolve('test/fixtures/demo'))];
const pages = Object.fromEntries(fixtures.map((f) => [f.url, f.html]));

interface Recorded {
  url: string;
  by: 'service worker' | 'extension page' | 'web page';
  page: string;
}

function record(context: BrowserContext): Recorded[] {
  const seen: Recorded[] = [];
  const frameOf = (request: Request) => {
    try {
      return request.frame().url();
    } catch {
      return '';
    }
  };
  context.on('request', (request) => {
    const page = frameOf(request);
    const by = request.serviceWorker() ? 'service worker' : page.startsWith('chrome-extension://') ? 'extension page' : 'web page';
    seen.push({ url: request.url(), by, page });
  });
  return seen;
}

/** What a person does with Ledgerlight: browse, look at the popup, open options, import and export. */
async function browseEverything(session: ExtensionSession, withExtension: boolean) {
  for (const fixture of fixtures) {
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    if (!withExtension) {
      await page.waitForTimeout(500);
      await page.close();
      continue;
    }
    const tabId = await session.tabIdOf(page);
    await settledBadge(session, tabId);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-testid="summary"]');
    await Promise.all([popup.close(), page.close()]);
  }
}

async function importAndExport(session: ExtensionSession) {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const exported = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: /export the list/i }).click()]).then(([d]) => d);
  const list = JSON.parse(await streamText(await exported.createReadStream())) as { arrangements: { id: string; title: string }[] };
  expect(list.arrangements.length).toBeGreaterThan(0);
  // Re-import the export with one entry of the user's own, so the import has something to write.
  list.arrangements.push({ ...list.arrangements[0]!, id: 'users-own-note', title: 'My own note on this arrangement' });
  await options.locator('input[type="file"]').setInputFiles({ name: 'my-list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list)) });
  await options.getByRole('button', { name: /^import$/i }).click();
  await options.getByRole('status').filter({ hasText: /imported/i }).waitFor();
  await options.close();
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

const ownFile = (id: string) => (r: Recorded) => r.url.startsWith(`chrome-extension://${id}/`) || r.url.startsWith(`blob:chrome-extension://${id}/`);

let session: ExtensionSession;
let requests: Recorded[];

beforeAll(async () => {
  session = await launchExtension();
  requests = record(session.context);
  await servePages(session.context, pages);
});
afterAll(() => session?.close());

describe('nothing leaves the device', () => {
  it('would notice a request from the service worker or an extension page (the recorder works)', async () => {
    await session.worker.evaluate(() => fetch('https://leak.invalid/from-worker').catch(() => undefined));
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.evaluate(() => fetch('https://leak.invalid/from-options').catch(() => undefined));
    await options.close();
    const leaks = requests.filter((r) => r.by !== 'web page' && !ownFile(session.extensionId)(r));
    expect(leaks.map((r) => [r.by, r.url])).toEqual([
      ['service worker', 'https://leak.invalid/from-worker'],
      ['extension page', 'https://leak.invalid/from-options'],
    ]);
    requests.length = 0;
  });

  it('makes no request of its own while browsing, in the popup and options, and on import and export', async () => {
    // A restarted worker runs its start-up again: a request made on waking would be seen too.
    const cdp = await session.context.newCDPSession(await session.context.newPage());
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await browseEverything(session, true);
    await importAndExport(session);

    const fromExtension = requests.filter((r) => r.by !== 'web page');
    expect(fromExtension.length).toBeGreaterThan(0);
    expect(fromExtension.filter((r) => !ownFile(session.extensionId)(r))).toEqual([]);

    // The same pages without Ledgerlight: whatever they load on their own is theirs, not ours.
    const bare = await launchExtension({ extensionEnabled: false });
    const bareRequests = record(bare.context);
    await servePages(bare.context, pages);
    await browseEverything(bare, false);
    await bare.close();
    const pageOwn = new Set(bareRequests.map((r) => r.url));
    expect(pageOwn.size).toBeGreaterThan(0);
    expect(requests.filter((r) => r.by === 'web page' && !pageOwn.has(r.url) && !ownFile(session.extensionId)(r))).toEqual([]);
  }, 240_000);
});
