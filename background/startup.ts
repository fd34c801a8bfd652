export const BLOCKED = Symbol('blocked');

export const DATABASE_BLOCKED =
  'Ledgerlight is updating its stored data and is waiting for another Ledgerlight page, such as an options tab, to close. Close it and try again; nothing was lost.';

/**
 * The background once it is ready, or BLOCKED while a database upgrade waits for an older
 * connection to close: a popup must say so rather than wait forever.
 */
export function readyOrBlocked<T>(ready: Promise<T>, blocked: Promise<void>): Promise<T | typeof BLOCKED> {
  // Ready first: once both have settled, a finished upgrade wins over an earlier block.
  return Promise.race([ready, blocked.then((): typeof BLOCKED => BLOCKED)]);
}
