/**
 * Runs a transaction's work and aborts the transaction if any of it fails. IndexedDB aborts by
 * itself only when a queued request fails; a write that throws as it is queued (a full quota, a
 * bad key) would otherwise let the writes queued before it commit, leaving half a list stored.
 * `pending` holds the requests the work queued, so none is left to reject unobserved.
 */
export async function allOrNothing(tx: { abort(): void; done: Promise<void> }, pending: Promise<unknown>[], work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // The transaction had already ended: the browser aborted it for the same failure.
    }
    await Promise.allSettled([...pending, tx.done]);
    throw error;
  }
}
