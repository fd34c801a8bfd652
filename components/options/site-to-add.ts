import * as v from 'valibot';
import { CustomSite } from '@/utils/model/settings';

/**
 * How the popup hands the options page a site to add: `options.html#add=<origin>`. The fragment
 * stays on the device (it is never sent anywhere) and only fills in the field; nothing is asked
 * of the browser until the user presses Add.
 */
export const siteToAddHash = (origin: string) => `#${new URLSearchParams({ add: origin })}`;

/**
 * The origin named by `#add=`, if it is exactly an https origin a user could add; anything else
 * (a path, plain http, markup) is ignored, so a crafted link can at most leave the field empty.
 */
export function siteToAdd(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('add');
  if (!value || !v.is(CustomSite, value)) return undefined;
  try {
    return new URL(value).origin === value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The origin of a tab's address when it is a site the user could add, for the popup's "add this site". */
export function addableOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'https:' && v.is(CustomSite, origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}
