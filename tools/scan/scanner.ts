import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { errors, type Page, type Route } from 'playwright-core';
import type { ExtensionSession } from '../harness/browser';
import { platformForUrl } from '../../utils/platforms';
import type { TabReport } from '../../utils/model/tab-report';
import { failureText, type ExtensionSeat } from './extension';
import { failedPage, scannedPage, unwatchedPage, type ScannedPage } from './report';
import { settle, watchActivity } from './settle';
import type { Target } from './targets';

export interface Timing {
  quietMs: number;
  timeoutMs: number;
}

/** Kept from the time limit for finding the tab and reading its report once the page settled. */
const REPORT_RESERVE_MS = 3_000;

class PageFailure extends Error {}

/**
 * Opens one page in a tab of its own, lets the extension's content script run, waits for the page
 * to settle and the extension to report, and reads the tab's report. Whatever goes wrong with the
 * page (missing file, unreachable, a hang past the time limit, a crash) becomes the page's
 * `error`, never the run's. A saved or archived page is served at its URL and nothing else it
 * asks for is fetched, so such a scan never touches the network.
 */
export async function scanPage(session: ExtensionSession, seat: ExtensionSeat, target: Target, timing: Timing): Promise<ScannedPage> {
  if (target.kind === 'unreadable') return failedPage(target, target.error);
  if (target.kind === 'file' && !existsSync(target.path)) return failedPage(target, `no such file: ${target.path}`);
  const deadline = Date.now() + timing.timeoutMs;
  const page = await session.context.newPage();
  let timer: NodeJS.Timeout | undefined;
  const trouble = new Promise<never>((_, reject) => {
    page.once('crash', () => reject(new PageFailure('the page crashed')));
    timer = setTimeout(() => reject(new PageFailure(`timed out after ${timing.timeoutMs} ms`)), timing.timeoutMs);
  });
  try {
    return await Promise.race([visit(session, seat, page, target, timing, deadline), trouble]);
  } catch (error) {
    if (error instanceof PageFailure) return failedPage(target, error.message);
    if (error instanceof errors.TimeoutError) return failedPage(target, `timed out after ${timing.timeoutMs} ms while loading`);
    return failedPage(target, `unreachable: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
    // A hung renderer may never confirm the close: the run does not wait for it.
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
  }
}

async function visit(session: ExtensionSession, seat: ExtensionSeat, page: Page, target: Target, timing: Timing, deadline: number): Promise<ScannedPage> {
  const serve = await server(target);
  if (serve) await page.route('**/*', serve);
  const activity = await watchActivity(page);
  await page.goto(target.url, { waitUntil: 'load', timeout: Math.max(1, deadline - Date.now()) });
  // An unwatched page gets no report; waiting for one would only cost time.
  if (!platformForUrl(page.url())) return unwatchedPage(target, page.url());
  const settled = await settle(page, activity, timing.quietMs, deadline - REPORT_RESERVE_MS);
  const tabId = await session.tabIdOf(page);
  return scannedPage(target, page.url(), await settledReport(seat, tabId, deadline), settled);
}

/**
 * The tab's report once the extension has made one and stopped changing it: the content script
 * reports after the page settles, then the background matches and saves.
 */
async function settledReport(seat: ExtensionSeat, tabId: number, deadline: number): Promise<TabReport> {
  let last: TabReport | undefined;
  for (;;) {
    const reply = await seat.report(tabId);
    if (!reply.ok) throw new PageFailure(`the extension could not report: ${failureText(reply)}`);
    if (reply.value.updatedAt > 0 && reply.value.updatedAt === last?.updatedAt) return reply.value;
    if (Date.now() > deadline - 300) {
      if (reply.value.updatedAt > 0) return reply.value;
      throw new PageFailure('the extension made no report on the page in time');
    }
    last = reply.value;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Answers a saved or archived page's requests from the file or the archive; a live URL gets none. */
async function server(target: Target): Promise<((route: Route) => Promise<void>) | undefined> {
  const notServed = (route: Route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served by the scanner' });
  if (target.kind === 'file') {
    const html = await readFile(target.path, 'utf8');
    const served = target.url.split('#')[0];
    return (route) =>
      route.request().url().split('#')[0] === served ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : notServed(route);
  }
  if (target.kind === 'archived') {
    const { archive } = target;
    return async (route) => {
      const replay = await archive.replay(route.request().url()).catch(() => undefined);
      return replay ? route.fulfill({ status: replay.status, headers: replay.headers, body: replay.body }) : notServed(route);
    };
  }
  return undefined;
}
