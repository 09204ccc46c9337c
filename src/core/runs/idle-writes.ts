// Writes made by long work that runs beside other calls (execute_code's contract `waits`): each
// is one short transaction, made only when no other call's transaction is open on the shared
// connection, so it never lands inside (or is rolled back with) somebody else's write.
import type { Store } from '../store/store.ts';

/** How often to look again while another call's transaction is open. */
const RETRY_MS = 5;

/** Runs `body` in its own write transaction as soon as the connection is free. */
export async function writeWhenIdle<T>(store: Store, body: () => T): Promise<T> {
  while (store.inTransaction) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  return store.write(body);
}
