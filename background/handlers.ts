import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { PROTOCOL, type Failure, type Input, type MessageType, type Output, type Result } from '../utils/protocol';
import type { Ledger } from './ledger';
import { fromContentScript, fromExtensionPage, type SenderPolicy } from './sender';
import { showDetails } from './details';
import { watchedPlatform } from './watch';

/** What a message does once its sender and data have passed the checks its entry in PROTOCOL asks for. */
export type Route<T extends MessageType> = (data: Input<T>, sender: Runtime.MessageSender) => Promise<Result<Output<T>>>;
export type Routes = { [T in MessageType]: Route<T> };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function createRoutes(ledger: Ledger): Routes {
  return {
    'page:hello': async ({ url }) => ok(await ledger.pageConfig(url)),
    'page:detections': async ({ url, detections, unread }, sender) => ok(await ledger.reportDetections(sender.tab!.id!, url, detections, unread)),
    'page:show-details': async (_, sender) => ok(await showDetails(sender.tab!.id!).then(() => null)),
    'page:hide-markers': async ({ scope }, sender) => {
      const settings = await ledger.settings.read();
      // The sender passed the watched-site check, so its URL names a watched platform.
      const site = watchedPlatform(sender.url!, settings)!.id;
      await ledger.settings.write(
        scope === 'everywhere' ? { ...settings, markers: false } : { ...settings, markersHiddenOn: [...new Set([...settings.markersHiddenOn, site])] },
      );
      return ok(null);
    },
    'firm:hello': async ({ url }) => ok(await ledger.firmPageConfig(url)),
    'firm:detections': async ({ url, detections }, sender) => ok(await ledger.reportFirmDetections(sender.tab!.id!, url, detections)),
    'firm:patterns': async ({ mode }) => ok(await ledger.firmPatterns(mode)),
    'tab:report': async ({ tabId }) => ok(await ledger.tabReport(tabId)),
    'settings:get': async () => ok(await ledger.settings.read()),
    'settings:set': async (settings) => {
      await ledger.settings.write(settings);
      await ledger.pruneHistory();
      return ok(await ledger.settings.read());
    },
    'list:query': async (query) => ok(await ledger.queryList(query)),
    'list:export': async () => ok(await ledger.exportList()),
    'list:preview': ({ text }) => ledger.previewImport(text),
    'list:import': ({ text }) => ledger.importList(text),
    'list:reset': async () => {
      await ledger.installBundled('reset');
      return ok('reset');
    },
    'history:get': async () => ok(await ledger.readHistory()),
    'history:clear': async () => ok(await ledger.clearHistory().then(() => null)),
    'data:clear-all': async () => ok(await ledger.clearAll().then(() => null)),
  };
}

export interface DispatchContext {
  self: { id: string; origin: string };
  isWatchedUrl(url: string): boolean;
  /** Whether financial firms' pages are read at all now (opted in, not paused); which pages are firms' the ledger decides. */
  isFirmUrl?(url: string): boolean;
  log(reason: string, detail: unknown): void;
}

/**
 * Checks the sender, then the shape; what fails either is dropped, logged and answered with an
 * error, never half-used. Errors thrown by the ledger reach the user as a message, not a hang.
 */
export async function dispatch<T extends MessageType>(
  route: Route<T>,
  type: T,
  data: unknown,
  sender: Runtime.MessageSender,
  context: DispatchContext,
): Promise<Result<unknown>> {
  const { from, input } = PROTOCOL[type];
  const policy: SenderPolicy =
    from === 'content' ? fromContentScript(context.isWatchedUrl) : from === 'firm' ? fromContentScript(context.isFirmUrl ?? (() => false)) : fromExtensionPage;
  if (!policy(sender, context.self)) {
    context.log(`refused ${type} from an untrusted sender`, { url: sender.url, tab: sender.tab?.id, frame: sender.frameId });
    return { ok: false, error: 'refused' };
  }
  const parsed = v.safeParse(input, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    context.log(`dropped malformed ${type}`, issue?.message);
    // Only a trusted sender gets this far, so naming the problem tells nothing to an attacker.
    return { ok: false, error: 'not-understood', detail: `${v.getDotPath(issue!) ?? '(data)'}: ${issue?.message ?? 'unknown shape'}` };
  }
  // A content script speaks only for the page it runs in: it cannot report detections for another site.
  if (from !== 'extension' && !sameOrigin((parsed.output as { url?: unknown }).url, sender.url)) {
    context.log(`refused ${type} about another page`, { url: sender.url });
    return { ok: false, error: 'refused' };
  }
  try {
    return await route(parsed.output as Input<T>, sender);
  } catch (error) {
    context.log(`${type} failed`, error);
    return describeFailure(error);
  }
}

function sameOrigin(claimed: unknown, actual: string | undefined): boolean {
  try {
    return typeof claimed === 'string' && actual !== undefined && new URL(claimed).origin === new URL(actual).origin;
  } catch {
    return false;
  }
}

function describeFailure(error: unknown): Failure {
  if ((error as { name?: string })?.name === 'QuotaExceededError') return { ok: false, error: 'no-room' };
  return { ok: false, error: 'failed', detail: (error as Error)?.message ?? String(error) };
}
