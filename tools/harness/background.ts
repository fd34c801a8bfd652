import { build } from 'esbuild';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Protocol, Result } from '../../utils/protocol';
import type { TabReport } from '../../utils/model/tab-report';
import type { InExtension } from './in-extension';

let bundled: Promise<string> | undefined;

/**
 * The product's messaging client and saved-tab reader, bundled the way WXT bundles them for the
 * extension (`wxt/browser` is the webextension-polyfill there), to run in an extension page.
 */
function inExtensionScript(): Promise<string> {
  const require = createRequire(import.meta.url);
  bundled ??= build({
    entryPoints: [new URL('./in-extension.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'error',
    alias: { 'wxt/browser': require.resolve('@wxt-dev/webextension-polyfill/browser') },
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

type Tools = { ledgerlightTools?: InExtension };

/** Puts the product's client into an extension page once (a page reloaded loses it). */
async function ready(extensionPage: Page) {
  if (await extensionPage.evaluate(() => (globalThis as Tools).ledgerlightTools !== undefined)) return;
  await extensionPage.evaluate(await inExtensionScript());
}

/**
 * Sends one message of the extension's typed protocol from one of its own pages (the only
 * senders the background trusts with privileged requests), through @webext-core/messaging as
 * the popup and options pages do.
 */
export async function askBackground<T extends keyof Protocol>(
  extensionPage: Page,
  type: T,
  data: Parameters<Protocol[T]>[0],
): Promise<ReturnType<Protocol[T]>> {
  await ready(extensionPage);
  return (await extensionPage.evaluate(({ type, data }) => (globalThis as Tools).ledgerlightTools!.ask(type, data), { type, data: data as unknown })) as ReturnType<
    Protocol[T]
  >;
}

/** A tab's report, read as the popup reads it (utils/saved-tab.ts first, the background otherwise). */
export async function readTabReport(extensionPage: Page, tabId: number): Promise<Result<TabReport>> {
  await ready(extensionPage);
  return extensionPage.evaluate((id) => (globalThis as Tools).ledgerlightTools!.report(id), tabId);
}
