import { createDetector } from '@/page/detect/detector';
import type { Detection } from '@/utils/model/detection';
import type { FullDataset } from '@/utils/model/dataset';
import type { PageConfig } from '@/utils/model/page-config';
import { platformForUrl } from '@/utils/platforms';
import { ledgerUnderTest } from '../ledger-under-test';

/**
 * Page configs exactly as the background hands them to the content script (rules filtered to the
 * platform, entities with that platform's handles), so fixtures test what ships.
 */
export async function pageConfigSource(list: FullDataset): Promise<(url: string) => Promise<PageConfig>> {
  const { ledger } = await ledgerUnderTest({ list });
  return async (url) => {
    const config = await ledger.pageConfig(url);
    if (!config) throw new Error(`${url} is not on a watched platform (${platformForUrl(url)?.id ?? 'none'})`);
    return config;
  };
}

/**
 * Frames and scripts at payment firms' addresses must not reach the network (tests run offline):
 * happy-dom gets an empty page for every load instead, so same-origin frames still work.
 */
export function keepPagesOffline() {
  const settings = (window as unknown as { happyDOM: { settings: { fetch: { interceptor: unknown } } } }).happyDOM.settings;
  settings.fetch.interceptor = { beforeAsyncRequest: async () => new Response('', { headers: { 'content-type': 'text/html' } }) };
}

/** Replaces the test document with a saved page, as a browser would parse it. */
export function loadPage(html: string) {
  document.open();
  document.write(html);
  document.close();
}

/** Runs the detector over the current document once, synchronously, and returns what it reported. */
export function detectOnce(config: PageConfig, url: string): Detection[] {
  let reported: Detection[] = [];
  const detector = createDetector(config, { report: (list) => (reported = list), schedule: (run) => run() });
  detector.start(document, url);
  detector.stop();
  return reported;
}
