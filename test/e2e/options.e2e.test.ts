import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchExtension, savedTab, servePages, settledBadge, type ExtensionSession } from '../../tools/harness/browser';
import { readFixture } from '../../tools/harness/fixture-pages';
import { sampleArrangement } from '../unit/fixtures';

const sendMoney = readFixture(resolve('test/fixtures/pages/messenger/thread-send-money.html'));
/** A site nobody granted Ledgerlight: a PayPal checkout frame there must go unseen. */
const ADDED_SITE = 'https://social.example';
const addedSitePage = `<!doctype html><title>Social</title><button>Pay with PayPal</button><iframe title="PayPal" src="https://www.paypal.com/checkoutnow"></iframe>`;

const IMPORTED_ID = 'options-e2e-messenger-transfers';
const goodList = {
  format: 1,
  version: 'e2e.1',
  arrangements: [
    sampleArrangement({ id: IMPORTED_ID, title: 'Messenger transfers (test entry)', platform: 'messenger', partners: ['paypal'], features: ['p2p-payments'] }),
  ],
};

let session: ExtensionSession;
let options: Page;
let files: string;

beforeAll(async () => {
  session = await launchExtension();
  await servePages(session.context, { [sendMoney.url]: sendMoney.html, [`${ADDED_SITE}/`]: addedSitePage });
  files = await mkdtemp(join(tmpdir(), 'ledgerlight-options-'));
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('checkbox', { name: 'Messenger' }).waitFor();
});
afterAll(() => session?.close());

/**
 * Opens a page and finds its tab by what is new, not by URL: on a site Ledgerlight has no
 * permission for, the browser rightly hides the tab's URL from it.
 */
async function visit(url: string, on = session) {
  const worker = await on.currentWorker();
  const tabIds = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const before = new Set(await tabIds());
  const page = await on.context.newPage();
  await page.goto(url);
  const tabId = (await tabIds()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab for ${url}`);
  return { page, tabId };
}

/** What the background keeps for a tab: present only when a watched page reported to it. */
function tabState(tabId: number, on = session) {
  return savedTab<{ platform?: { id: string }; detections: { ruleId: string }[]; findings: { arrangementId: string }[]; arrangements?: Record<string, { status: string }> }>(on, tabId);
}

/** The badge a tab's saved state calls for: its active findings, a dot for a feature with none, empty for nothing found. */
function badgeFor(state: NonNullable<Awaited<ReturnType<typeof tabState>>>): string {
  const active = state.findings.filter((f) => state.arrangements?.[f.arrangementId]?.status === 'active').length;
  return active ? String(active) : state.detections.length ? '•' : '';
}

async function importFile(name: string, content: unknown) {
  const path = join(files, name);
  await writeFile(path, JSON.stringify(content));
  await options.getByLabel('Import a list file').setInputFiles(path);
}

async function seriousViolations(page: Page): Promise<string[]> {
  // The extension's CSP (script-src 'self') refuses page.addScriptTag's inline <script>, as it
  // should; evaluating the same file through the DevTools protocol is not subject to it.
  await page.evaluate(await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => (await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document)).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the options page', () => {
  it('imports a good list after previewing it, and its arrangement is found on a matching page', async () => {
    await importFile('good.json', goodList);
    const preview = options.getByRole('region', { name: /Before importing good\.json/ });
    await expect(preview.getByRole('heading', { name: 'New arrangements' }).locator('+ ul').textContent()).resolves.toBe(IMPORTED_ID);
    await preview.getByRole('button', { name: 'Import' }).click();
    await options.getByText('Imported version e2e.1: 1 added, 0 changed.').waitFor();

    const { page, tabId } = await visit(sendMoney.url);
    const badge = await settledBadge(session, tabId);
    const state = await tabState(tabId);
    expect(state?.findings.map((f) => f.arrangementId)).toContain(IMPORTED_ID);
    expect(badge).toBe(badgeFor(state!));
    await page.close();
  });

  it('watches no added site whose permission was never granted', async () => {
    // As if the site had arrived through synced settings from another device.
    const worker = await session.currentWorker();
    await worker.evaluate(async (site) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), customSites: [site] } });
    }, ADDED_SITE);
    await options.reload();
    const row = options.locator(`[data-site="${ADDED_SITE}"]`);
    await expect(row.getByText('Not watched: permission not granted in this browser').waitFor()).resolves.toBeUndefined();
    await expect(row.getByRole('button', { name: `Allow ${ADDED_SITE}` }).isVisible()).resolves.toBe(true);

    const { page, tabId } = await visit(`${ADDED_SITE}/`);
    await page.waitForTimeout(1500);
    expect(await session.badgeOf(tabId)).toBe('');
    expect(await tabState(tabId)).toBeUndefined();
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['https://social.example/*'] }))).toBe(false);
    await page.close();
    await row.getByRole('button', { name: `Remove ${ADDED_SITE}` }).click();
    await options.getByText('Saved.').waitFor();
  });

  it('fills in no site from an address that is not exactly an https origin, and renders none of it', async () => {
    const page = await session.context.newPage();
    for (const hash of ['#add=http%3A%2F%2Fplain.example', `#add=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, '#add=https%3A%2F%2Fsocial.example%2Ffeed']) {
      await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
      await page.getByRole('checkbox', { name: 'Messenger' }).waitFor();
      expect(await page.getByLabel('Site address').inputValue(), hash).toBe('');
      expect(await page.locator('img').count()).toBe(0);
    }
    await page.close();
  });

  it('has no serious or critical accessibility violation in light or dark, and saves a screenshot', async () => {
    // Open what a user would open, so the check covers it: an entry in full and the history table.
    await options.getByRole('button', { name: 'Messenger transfers (test entry)' }).click();
    await options.getByRole('heading', { name: 'Messenger transfers (test entry)' }).waitFor();
    await options.locator('details.history-table summary').click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await seriousViolations(options), `${colorScheme} theme`).toEqual([]);
    }
    await options.getByRole('button', { name: 'Back to the list' }).click();
    await options.emulateMedia({ colorScheme: 'light' });
    await options.screenshot({ path: resolve('test-results/screenshots/options.png'), fullPage: true });
  });
});

describe('a site the user added, once its permission is granted', () => {
  let granted: ExtensionSession;
  let build: string;

  beforeAll(async () => {
    // Automation cannot answer the browser's permission prompt, so this copy of the build holds
    // up front what the user grants at the prompt: the site's host permission and 'scripting'.
    build = await mkdtemp(join(tmpdir(), 'ledgerlight-granted-'));
    await cp(CHROME_BUILD, build, { recursive: true });
    const manifest = JSON.parse(await readFile(join(build, 'manifest.json'), 'utf8'));
    manifest.permissions.push('scripting');
    manifest.host_permissions.push(`${ADDED_SITE}/*`);
    await writeFile(join(build, 'manifest.json'), JSON.stringify(manifest));
    granted = await launchExtension({ extensionPath: build });
    await servePages(granted.context, { [`${ADDED_SITE}/`]: addedSitePage });
  });
  afterAll(async () => {
    await granted?.close();
    await rm(build, { recursive: true, force: true });
  });

  it('is watched through a registered content script, and no longer once removed in options', async () => {
    const page = await granted.context.newPage();
    await page.goto(`chrome-extension://${granted.extensionId}/options.html`);
    const worker = await granted.currentWorker();
    await worker.evaluate(async (site) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), customSites: [site] } });
    }, ADDED_SITE);
    const row = page.locator(`[data-site="${ADDED_SITE}"]`);
    await page.reload();
    await row.getByText('Watched').waitFor();
    const registered = () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.matches, s.js]));
    expect(await registered()).toEqual([[[`${ADDED_SITE}/*`], ['content-scripts/social.js']]]);

    const watched = await visit(`${ADDED_SITE}/`, granted);
    const badge = await settledBadge(granted, watched.tabId);
    const state = await tabState(watched.tabId, granted);
    expect(state?.platform?.id).toBe('other');
    expect(state?.detections.length).toBeGreaterThan(0);
    expect(badge).toBe(badgeFor(state!));
    await watched.page.close();

    await row.getByRole('button', { name: `Remove ${ADDED_SITE}` }).click();
    await page.getByText('Saved.').waitFor();
    expect(await registered()).toEqual([]);
    const after = await visit(`${ADDED_SITE}/`, granted);
    await after.page.waitForTimeout(1500);
    expect(await tabState(after.tabId, granted)).toBeUndefined();
    expect(await granted.badgeOf(after.tabId)).toBe('');
  });

  it('is offered from the popup of a page it does not watch: options open with it filled in and focused, and Add asks for it', async () => {
    const worker = await granted.currentWorker();
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), customSites: [] } });
    });
    // Its address is readable here as activeTab makes it readable when the user opens the popup.
    const { page: site, tabId } = await visit(`${ADDED_SITE}/`, granted);
    const popup = await granted.context.newPage();
    await popup.goto(`chrome-extension://${granted.extensionId}/popup.html?tab=${tabId}`);
    const opened = granted.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html'), timeout: 5_000 });
    await popup.getByRole('button', { name: 'Add this site in options' }).click();
    const options = await opened;
    const field = options.getByLabel('Site address');
    await expect.poll(() => field.inputValue()).toBe(ADDED_SITE);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // Read once and taken off the address, so a reload does not offer it again.
    expect(new URL(options.url()).hash).toBe('');
    const customSites = () => worker.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as { customSites: string[] }).customSites);
    expect(await customSites()).toEqual([]);

    await options.getByRole('button', { name: 'Add and allow' }).click();
    await options.locator(`[data-site="${ADDED_SITE}"]`).getByText('Watched').waitFor();
    expect(await customSites()).toEqual([ADDED_SITE]);
    await options.locator(`[data-site="${ADDED_SITE}"]`).getByRole('button', { name: `Remove ${ADDED_SITE}` }).click();
    await options.getByText('Saved.').waitFor();
    await Promise.all([site.close(), popup.close().catch(() => undefined), options.close()]);
  });
});
