import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { Detection, MAX_DETECTIONS } from '../utils/model/detection';
import { Settings } from '../utils/model/settings';
import { MAX_LIST_BYTES } from '../utils/list-file';
import type { Protocol, Result } from '../utils/messages';
import type { Ledger } from './ledger';
import { fromContentScript, fromExtensionPage, type SenderPolicy } from './sender';
import { showDetails } from './details';
import { watchedPlatform } from './watch';

const Url = v.pipe(v.string(), v.maxLength(4096));
const Short = v.optional(v.pipe(v.string(), v.maxLength(100)));
const Nothing = v.optional(v.undefined());
const ListText = v.pipe(v.string(), v.maxLength(MAX_LIST_BYTES, `the file is larger than the ${MAX_LIST_BYTES / 1024 / 1024} MB a list may be`));

/** Every message: its sender policy, the schema its data must parse as, and what to do with it. */
export interface Route<T extends keyof Protocol> {
  from: 'content' | 'extension';
  data: v.GenericSchema;
  run(data: Parameters<Protocol[T]>[0], sender: Runtime.MessageSender): Promise<ReturnType<Protocol[T]>>;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const ROUTE_TYPES = [
  'page:hello',
  'page:detections',
  'page:show-details',
  'page:hide-markers',
  'tab:report',
  'settings:get',
  'settings:set',
  'list:query',
  'list:export',
  'list:preview',
  'list:import',
  'list:reset',
  'history:get',
  'history:clear',
  'data:clear-all',
] as const satisfies readonly (keyof Protocol)[];

export function createRoutes(ledger: Ledger): { [T in keyof Protocol]: Route<T> } {
  return {
    'page:hello': { from: 'content', data: v.object({ url: Url }), run: async ({ url }) => ok(await ledger.pageConfig(url)) },
    'page:detections': {
      from: 'content',
      data: v.object({ url: Url, detections: v.pipe(v.array(Detection), v.maxLength(MAX_DETECTIONS)), unread: v.boolean() }),
      run: async ({ url, detections, unread }, sender) => ok(await ledger.reportDetections(sender.tab!.id!, url, detections, unread)),
    },
    'page:show-details': { from: 'content', data: v.object({ url: Url }), run: async (_, sender) => ok(await showDetails(sender.tab!.id!).then(() => null)) },
    'page:hide-markers': {
      from: 'content',
      data: v.object({ url: Url, scope: v.picklist(['site', 'everywhere']) }),
      run: async ({ scope }, sender) => {
        const settings = await ledger.settings.read();
        // The sender passed the watched-site check, so its URL names a watched platform.
        const site = watchedPlatform(sender.url!, settings)!.id;
        await ledger.settings.write(
          scope === 'everywhere' ? { ...settings, markers: false } : { ...settings, markersHiddenOn: [...new Set([...settings.markersHiddenOn, site])] },
        );
        return ok(null);
      },
    },
    'tab:report': {
      from: 'extension',
      data: v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
      run: async ({ tabId }) => ok(await ledger.tabReport(tabId)),
    },
    'settings:get': { from: 'extension', data: Nothing, run: async () => ok(await ledger.settings.read()) },
    'settings:set': {
      from: 'extension',
      data: Settings,
      run: async (settings) => {
        await ledger.settings.write(settings);
        await ledger.pruneHistory();
        return ok(await ledger.settings.read());
      },
    },
    'list:query': {
      from: 'extension',
      data: v.object({ text: Short, platform: Short, partner: Short, status: Short, region: Short }),
      run: async (query) => ok(await ledger.queryList(query)),
    },
    'list:export': { from: 'extension', data: Nothing, run: async () => ok(await ledger.exportList()) },
    'list:preview': { from: 'extension', data: v.object({ text: ListText }), run: ({ text }) => ledger.previewImport(text) },
    'list:import': { from: 'extension', data: v.object({ text: ListText }), run: ({ text }) => ledger.importList(text) },
    'list:reset': {
      from: 'extension',
      data: Nothing,
      run: async () => {
        await ledger.installBundled('reset');
        return ok('reset');
      },
    },
    'history:get': { from: 'extension', data: Nothing, run: async () => ok(await ledger.readHistory()) },
    'history:clear': { from: 'extension', data: Nothing, run: async () => ok(await ledger.clearHistory().then(() => null)) },
    'data:clear-all': { from: 'extension', data: Nothing, run: async () => ok(await ledger.clearAll().then(() => null)) },
  };
}

export interface DispatchContext {
  self: { id: string; origin: string };
  isWatchedUrl(url: string): boolean;
  log(reason: string, detail: unknown): void;
}

/**
 * Checks the sender, then the shape; what fails either is dropped, logged and answered with an
 * error, never half-used. Errors thrown by the ledger reach the user as a message, not a hang.
 */
export async function dispatch<T extends keyof Protocol>(
  route: Route<T>,
  type: T,
  data: unknown,
  sender: Runtime.MessageSender,
  context: DispatchContext,
): Promise<Result<unknown>> {
  const policy: SenderPolicy = route.from === 'content' ? fromContentScript(context.isWatchedUrl) : fromExtensionPage;
  if (!policy(sender, context.self)) {
    context.log(`refused ${type} from an untrusted sender`, { url: sender.url, tab: sender.tab?.id, frame: sender.frameId });
    return { ok: false, error: 'Request refused.' };
  }
  const parsed = v.safeParse(route.data, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    context.log(`dropped malformed ${type}`, issue?.message);
    // Only a trusted sender gets this far, so naming the problem tells nothing to an attacker.
    return { ok: false, error: `The request was not understood: ${issue?.message ?? 'unknown shape'}.` };
  }
  // A content script speaks only for the page it runs in: it cannot report detections for another site.
  if (route.from === 'content' && !sameOrigin((parsed.output as { url?: unknown }).url, sender.url)) {
    context.log(`refused ${type} about another page`, { url: sender.url });
    return { ok: false, error: 'Request refused.' };
  }
  try {
    return await route.run(parsed.output as Parameters<Protocol[T]>[0], sender);
  } catch (error) {
    context.log(`${type} failed`, error);
    return { ok: false, error: describeFailure(error) };
  }
}

function sameOrigin(claimed: unknown, actual: string | undefined): boolean {
  try {
    return typeof claimed === 'string' && actual !== undefined && new URL(claimed).origin === new URL(actual).origin;
  } catch {
    return false;
  }
}

function describeFailure(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError') return 'The browser has no room left for Ledgerlight’s data. Nothing was changed; free some disk space and try again.';
  return `Ledgerlight could not finish: ${(error as Error)?.message ?? String(error)}. Your stored data was left as it was.`;
}
