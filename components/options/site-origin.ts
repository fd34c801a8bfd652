import * as v from 'valibot';
import { CustomSite } from '@/utils/model/settings';
import { platformForUrl } from '@/utils/platforms';

export type SiteInput = { ok: true; origin: string } | { ok: false; reason: 'invalid' | 'not-https' | 'built-in' | 'duplicate' };

/**
 * Turns what a person types ("social.example", "https://social.example/feed") into the origin
 * Ledgerlight asks permission for. Only https: a page served in clear text could be anyone's.
 */
export function parseSiteInput(input: string, existing: readonly string[]): SiteInput {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'invalid' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  // A host with no dot is a typo or an intranet name, never a social site worth a permission prompt.
  if (!url.hostname.includes('.') || !v.is(CustomSite, url.origin)) return { ok: false, reason: 'invalid' };
  if (platformForUrl(url.origin)) return { ok: false, reason: 'built-in' };
  if (existing.includes(url.origin)) return { ok: false, reason: 'duplicate' };
  return { ok: true, origin: url.origin };
}
