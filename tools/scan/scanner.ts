import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { settledBadge, type ExtensionSession } from '../harness/browser';
import { platformForUrl } from '../../utils/platforms';
import type { Target } from './args';
import { askBackground } from './background';
import { failedPage, scannedPage, type ScannedPage } from './report';

/** A page that takes longer than this to load is reported as unreachable rather than waited for. */
const LOAD_TIMEOUT_MS = 20_000;

/**
 * Opens one target in a fresh tab, lets the extension's content script run, waits for the badge
 * to settle and reads the tab's report from the background. A saved file is served at its URL
 * and nothing else it asks for is fetched, so a scan of saved pages never touches the network.
 */
export async function scanTarget(session: ExtensionSession, reporter: Page, target: Target): Promise<ScannedPage> {
  let html: string | undefined;
  if (target.kind === 'file') {
    if (!existsSync(target.path)) return failedPage(target.url, `no such file: ${target.path}`);
    html = await readFile(target.path, 'utf8');
  }
  const page = await session.context.newPage();
  try {
    if (html !== undefined) {
      const served = target.url.split('#')[0];
      await page.route('**/*', (route) =>
        route.request().url().split('#')[0] === served
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served by the scanner' }),
      );
    }
    try {
      await page.goto(target.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    } catch (error) {
      return failedPage(target.url, `unreachable: ${(error as Error).message.split('\n')[0]}`);
    }
    const tabId = await session.tabIdOf(page);
    // An unwatched page gets no report; waiting for one would only cost time.
    if (platformForUrl(page.url())) await settledBadge(session, tabId);
    const report = await askBackground(reporter, 'tab:report', { tabId });
    if (!report.ok) throw new Error(`the extension could not report on ${target.url}: ${report.error}`);
    return scannedPage(page.url(), report.value);
  } finally {
    await page.close();
  }
}
