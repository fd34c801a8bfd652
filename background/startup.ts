export const BLOCKED = Symbol('blocked');

/**
 * The background once it is ready, or BLOCKED while a database upgrade waits for an older
 * connection to close: a popup must say so rather than wait forever.
 */
export function readyOrBlocked<T>(ready: Promise<T>, blocked: Promise<void>): Promise<T | typeof BLOCKED> {
  // Ready first: once both have settled, a finished upgrade wins over an earlier block.
  return Promise.race([ready, blocked.then((): typeof BLOCKED => BLOCKED)]);
}
