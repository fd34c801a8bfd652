import type { ExtensionSession } from '../harness/browser';
import { askBackground, readTabReport } from '../harness/background';
import type { Failure, Result } from '../../utils/protocol';
import type { TabReport } from '../../utils/model/tab-report';

/** The scanner's seat in one of the extension's own pages, from where it reads tabs' reports. */
export interface ExtensionSeat {
  report(tabId: number): Promise<Result<TabReport>>;
}

/**
 * Opens an extension page and sets the scanner's throwaway profile up: a scan reports everything
 * on a page, not only what would be near a reader's screen, and draws no in-page markers (they
 * would only be DOM changes to wait for). The user's own profile is never touched.
 */
export async function takeSeat(session: ExtensionSession): Promise<ExtensionSeat> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=0`);
  const settings = await askBackground(page, 'settings:get', undefined);
  if (!settings.ok) throw new Error(`the extension could not read its settings: ${failureText(settings)}`);
  const saved = await askBackground(page, 'settings:set', { ...settings.value, wholePage: true, markers: false });
  if (!saved.ok) throw new Error(`the extension could not be set to read whole pages: ${failureText(saved)}`);
  return { report: (tabId) => readTabReport(page, tabId) };
}

/** A failure's code, with its detail when it has one, for the scanner's own messages. */
export const failureText = (failure: Failure) => (failure.detail ? `${failure.error} (${failure.detail})` : failure.error);
