import { platformForUrl, type Platform } from '../utils/platforms';
import type { Settings } from '../utils/model/settings';

/** The platform Ledgerlight should watch at this URL under these settings, or nothing. */
export function watchedPlatform(url: string, settings: Settings): Pick<Platform, 'id' | 'owner'> | undefined {
  if (settings.paused) return undefined;
  const builtIn = platformForUrl(url);
  if (builtIn) return settings.disabledSites.includes(builtIn.id) ? undefined : { id: builtIn.id, owner: builtIn.owner };
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  // A site the user added is watched for 'any'-platform arrangements only: we know nothing else of it.
  return settings.customSites.includes(origin) ? { id: 'other' } : undefined;
}
