import type { Runtime } from 'webextension-polyfill';

/** Where a message may come from. The background decides trust from the sender, never from the message. */
export type SenderPolicy = (sender: Runtime.MessageSender, self: { id: string; origin: string }) => boolean;

/** A content script of ours, in the top frame of a tab showing a page we watch. */
export function fromContentScript(isWatchedUrl: (url: string) => boolean): SenderPolicy {
  return (sender, self) =>
    sender.id === self.id &&
    sender.tab?.id !== undefined &&
    sender.tab.id >= 0 &&
    (sender.frameId ?? 0) === 0 &&
    typeof sender.url === 'string' &&
    isWatchedUrl(sender.url);
}

/** One of the extension's own pages (popup, options): the only senders of privileged messages. */
export const fromExtensionPage: SenderPolicy = (sender, self) =>
  sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin) && !sender.url.startsWith(`${self.origin}content-scripts/`);
