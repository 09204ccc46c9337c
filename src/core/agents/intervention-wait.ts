// The long-poll behind wait_for_intervention. It runs beside other calls (its contract says
// `waits`), so it only ever reads, between other calls' transactions. It wakes when this process
// closes a question, and otherwise reads again every POLL_MS, which is how it hears of an answer
// given in another process (the CLI, the desktop) well within a second.
import type { CallContext } from '../call-context.ts';
import type { Store } from '../store/store.ts';
import { Work } from '../work.ts';

/**
 * How often a waiting call reads again: one primary-key read, so 40 a second per waiting agent
 * cost nothing, and an answer committed by another process arrives within about 25 ms.
 */
export const POLL_MS = 25;

/** Wakes the waits of this process when it closes a question, sooner than their next poll. */
export class Wakeup {
  private readonly sleepers = new Set<() => void>();

  /** Resolves after `ms`, when woken, or when `signal` aborts, whichever comes first. */
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal.addEventListener('abort', done, { once: true });
      this.sleepers.add(done);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}

/**
 * Calls `read` until it returns a result, or until `timeoutS` passes, when it is called once
 * more with `final` set and must return one. Each read runs in its own read transaction, never
 * inside another call's open one (whose uncommitted rows are not news). An aborted call ends
 * with CANCELLED and a passed deadline with TIMEOUT, as other calls do; neither changes anything.
 */
export async function waitFor<T>(
  store: Store,
  wakeup: Wakeup,
  timeoutS: number,
  context: CallContext,
  phase: string,
  read: (final: boolean) => T | null,
): Promise<T> {
  const work = new Work(context, phase, 0);
  const until = Date.now() + timeoutS * 1000;
  for (;;) {
    work.check();
    if (!store.inTransaction) {
      const final = Date.now() >= until;
      const result = store.read(() => read(final));
      if (result !== null) return result;
    }
    const left = Math.max(until - Date.now(), 1);
    const toDeadline = context.deadline === null ? Infinity : context.deadline - Date.now() + 1;
    await wakeup.sleep(Math.min(POLL_MS, left, toDeadline), context.signal);
  }
}
