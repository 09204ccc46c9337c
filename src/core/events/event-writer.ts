// Appends events inside the current write transaction, stamping time and actor.
import type { Clock, CallContext } from '../call-context.ts';
import type { Store } from '../store/store.ts';

export interface EventInput {
  type: string;
  project_id: number | null;
  task_id?: number | null;
  before?: unknown;
  after?: unknown;
}

export class EventWriter {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  record(context: CallContext, event: EventInput): number {
    return this.store.events.append({
      at: this.clock.now(),
      actor: context.actor,
      type: event.type,
      project_id: event.project_id,
      task_id: event.task_id ?? null,
      before: event.before ?? null,
      after: event.after ?? null,
    });
  }
}
