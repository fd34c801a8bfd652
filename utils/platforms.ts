/**
 * The social sites Ledgerlight watches out of the box. This list decides the manifest's host
 * permissions and content-script matches, so it lives in code, not in the editable data files:
 * an imported list must never widen what the extension may read.
 */
export interface Platform {
  /** Entity id in public/data/entities.json. */
  id: string;
  name: string;
  /** Entity id of the company that owns the platform, when arrangements are made at that level. */
  owner?: string;
  /**
   * Exact hosts the platform serves its web app from. Meta keeps saved payment methods in
   * Accounts Center (accountscenter.<platform>) since 2025 and ad billing in Ads Manager
   * (adsmanager.facebook.com), so those are watched with the main sites.
   */
  hosts: string[];
}

export const PLATFORMS: readonly Platform[] = [
  { id: 'facebook', name: 'Facebook', owner: 'meta', hosts: ['www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'business.facebook.com', 'mbasic.facebook.com', 'secure.facebook.com', 'adsmanager.facebook.com', 'accountscenter.facebook.com'] },
  { id: 'messenger', name: 'Messenger', owner: 'meta', hosts: ['www.messenger.com', 'messenger.com'] },
  { id: 'instagram', name: 'Instagram', owner: 'meta', hosts: ['www.instagram.com', 'accountscenter.instagram.com'] },
  { id: 'whatsapp', name: 'WhatsApp', owner: 'meta', hosts: ['web.whatsapp.com', 'www.whatsapp.com', 'business.whatsapp.com'] },
  { id: 'x', name: 'X', hosts: ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com', 'pro.x.com'] },
  { id: 'tiktok', name: 'TikTok', hosts: ['www.tiktok.com', 'm.tiktok.com', 'shop.tiktok.com', 'seller-us.tiktok.com'] },
  { id: 'youtube', name: 'YouTube', owner: 'google', hosts: ['www.youtube.com', 'm.youtube.com', 'studio.youtube.com', 'music.youtube.com'] },
  { id: 'snapchat', name: 'Snapchat', owner: 'snap', hosts: ['web.snapchat.com', 'www.snapchat.com', 'accounts.snapchat.com'] },
  { id: 'telegram', name: 'Telegram', hosts: ['web.telegram.org'] },
  { id: 'discord', name: 'Discord', hosts: ['discord.com', 'ptb.discord.com', 'canary.discord.com'] },
  { id: 'reddit', name: 'Reddit', hosts: ['www.reddit.com', 'old.reddit.com', 'new.reddit.com', 'sh.reddit.com'] },
  { id: 'linkedin', name: 'LinkedIn', owner: 'microsoft', hosts: ['www.linkedin.com'] },
  { id: 'pinterest', name: 'Pinterest', hosts: ['www.pinterest.com', 'pinterest.com', 'www.pinterest.co.uk', 'br.pinterest.com', 'in.pinterest.com', 'de.pinterest.com', 'es.pinterest.com', 'fr.pinterest.com'] },
];

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
