/**
 * The registry of watched social sites: one file per site beside this one, listed here once.
 * This list decides the manifest's host permissions and content-script matches, so it lives in
 * code, not in the editable data files: an imported list must never widen what the extension may
 * read. test/unit/platforms.test.ts fails when a site here has no rules, entity or fixture pages.
 */
import type { Platform } from './platform';
import { discord } from './discord';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { messenger } from './messenger';
import { pinterest } from './pinterest';
import { reddit } from './reddit';
import { snapchat } from './snapchat';
import { telegram } from './telegram';
import { tiktok } from './tiktok';
import { whatsapp } from './whatsapp';
import { x } from './x';
import { youtube } from './youtube';

export type { Platform } from './platform';

export const PLATFORMS: readonly Platform[] = [facebook, messenger, instagram, whatsapp, x, tiktok, youtube, snapchat, telegram, discord, reddit, linkedin, pinterest];

export const HOST_PERMISSIONS: string[] = PLATFORMS.flatMap((p) => p.hosts.map((h) => `https://${h}/*`));

const byHost = new Map(PLATFORMS.flatMap((p) => p.hosts.map((h) => [h, p] as const)));

/** The built-in platform serving this URL, if any. */
export function platformForUrl(url: string | undefined): Platform | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' ? byHost.get(hostname) : undefined;
  } catch {
    return undefined;
  }
}

export function platformById(id: string): Platform | undefined {
  return PLATFORMS.find((p) => p.id === id);
}

