import type { Page } from 'playwright-core';
import type { Protocol } from '../../utils/protocol';

/**
 * Sends one message of the extension's typed protocol from one of its own pages, the only
 * senders the background trusts with privileged requests. The envelope is the one
 * @webext-core/messaging puts on the wire ({ id, type, data, timestamp } out, { res } or { err } back).
 */
export async function askBackground<T extends keyof Protocol>(
  extensionPage: Page,
  type: T,
  data: Parameters<Protocol[T]>[0],
): Promise<ReturnType<Protocol[T]>> {
  const reply = await extensionPage.evaluate(
    ({ type, data }) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }),
    { type, data: data as unknown },
  );
  const envelope = reply as { res?: ReturnType<Protocol[T]>; err?: { message?: string } } | undefined;
  if (!envelope || envelope.err || envelope.res === undefined)
    throw new Error(`The extension's background did not answer "${type}": ${envelope?.err?.message ?? 'no reply'}`);
  return envelope.res;
}
