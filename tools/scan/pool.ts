import type { ExtensionSession } from '../harness/browser';
import type { ExtensionSeat } from './extension';
import { failedPage, type ScannedPage } from './report';
import { scanPage, type Timing } from './scanner';
import type { Target } from './targets';

/**
 * Scans the targets `jobs` at a time, each in a tab of its own in the one browser (extensions
 * run only in Chromium's persistent context, so tabs, not contexts), handing each page on as it
 * finishes. Tabs share cookies and storage; saved and archived pages are served offline, so
 * nothing one page sets reaches another site's server.
 */
export async function scanAll(
  session: ExtensionSession,
  seat: ExtensionSeat,
  targets: Target[],
  { jobs, ...timing }: Timing & { jobs: number },
  onPage: (page: ScannedPage, position: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const position = next++;
      const target = targets[position]!;
      const page = await scanPage(session, seat, target, timing).catch((error: Error) => failedPage(target, error.message));
      await onPage(page, position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, targets.length) }, worker));
}
