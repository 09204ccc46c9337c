// What the call pipeline does around an agent's call: before a change to a task, the claims
// rules (authorization.ts); after any successful call on a task, the renewal of the agent's
// lease on it; and after every call, its session seen. Renewal and "seen" are bookkeeping: a
// failure there (a busy database) never fails the call that succeeded.
import { OPERATIONS, type OperationName } from '../../shared/operations/registry.ts';
import type { CallContext, Clock } from '../call-context.ts';
import type { Store } from '../store/store.ts';
import { renewLease } from '../tasks/lease-expiry.ts';
import { authorizeChange } from './authorization.ts';
import { SEEN_EVERY_MS } from './session.service.ts';

/** Operations that apply the claims rules themselves, with their own errors. */
const OWN_RULES: ReadonlySet<string> = new Set(['claim_task', 'release_task']);

function taskIdOf(input: unknown): number | null {
  const id = (input as { task_id?: unknown } | null)?.task_id;
  return typeof id === 'number' ? id : null;
}

export class AgentActivity {
  private readonly store: Store;
  private readonly clock: Clock;
  /** When this process last wrote each session's last_seen_at, in epoch milliseconds. */
  private readonly seen = new Map<string, number>();

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Refuses an agent's change to a task another holds, a person paused, or its lease lapsed on. */
  authorize(name: OperationName, inputs: readonly unknown[], context: CallContext): void {
    if (context.caller.kind !== 'agent') return;
    if (OPERATIONS[name].annotations.readOnly || OWN_RULES.has(name)) return;
    const ids = inputs.map(taskIdOf).filter((id) => id !== null);
    if (ids.length === 0) return;
    const now = this.clock.now();
    this.store.read(() => {
      for (const task of this.store.tasks.getMany(ids))
        authorizeChange(this.store, task, context, now);
    });
  }

  /** After a successful call: renews the agent's lease on the task it named, marks its session seen. */
  record(inputs: readonly unknown[], context: CallContext): void {
    const { caller } = context;
    if (caller.kind !== 'agent') return;
    try {
      const now = this.clock.now();
      for (const id of new Set(inputs.map(taskIdOf)))
        if (id !== null) renewLease(this.store, id, caller.name, now);
      if (caller.session) this.touch(caller.session, now);
    } catch {
      // bookkeeping only: the next call renews and records again
    }
  }

  private touch(session: string, now: string): void {
    const at = Date.parse(now);
    if (at - (this.seen.get(session) ?? 0) < SEEN_EVERY_MS) return;
    this.seen.set(session, at);
    const staleBefore = new Date(at - SEEN_EVERY_MS).toISOString();
    this.store.write(() => this.store.sessions.touch(session, now, staleBefore));
  }
}
