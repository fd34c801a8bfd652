/**
 * Runs inside one of the extension's own pages (bundled by tools/harness/background.ts): tools
 * and tests ask the background through the product's own messaging client, and read a tab's
 * saved report with the product's own reader, the way the popup does, instead of imitating either.
 */
import { readSavedReport } from '../../utils/saved-tab';
import { transport } from '../../utils/transport';
import type { Protocol, Result } from '../../utils/protocol';
import type { TabReport } from '../../utils/model/tab-report';

export interface InExtension {
  ask(type: keyof Protocol, data: unknown): Promise<unknown>;
  /** The popup's route to a tab's report: from storage when saved with its arrangements, else from the background. */
  report(tabId: number): Promise<Result<TabReport>>;
}

const inExtension: InExtension = {
  ask: (type, data) => (transport[type] as (data: unknown) => Promise<unknown>)(data),
  async report(tabId) {
    const saved = await readSavedReport(tabId);
    return saved ? { ok: true, value: saved } : transport['tab:report']({ tabId });
  },
};

(globalThis as { ledgerlightTools?: InExtension }).ledgerlightTools = inExtension;
