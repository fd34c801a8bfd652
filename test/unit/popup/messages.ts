import { join } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

export const LOCALES = ['en', 'es', 'pt_BR', 'hi'] as const;

/** A locale's messages exactly as the build writes them to _locales/<locale>/messages.json. */
export async function chromeMessages(locale: string): Promise<Record<string, { message: string }>> {
  return generateChromeMessages(await parseMessagesFile(join(process.cwd(), 'locales', `${locale}.yml`))) as Record<string, { message: string }>;
}

/**
 * Gives WXT's fake browser a browser.i18n.getMessage that answers from locales/<locale>.yml the
 * way Chromium does ($1..$9 filled in, "$$" for a dollar sign, "" for an unknown name), so tests
 * read the words a user would.
 */
export async function speak(locale: (typeof LOCALES)[number] = 'en') {
  const messages = await chromeMessages(locale);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, substitutions?: string | string[]) => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const message = messages[name]?.message ?? '';
    return message.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (subs[Number(token) - 1] ?? '')));
  });
}
