// Appends events inside the current write transaction, stamping time and actor. Only the
// emitters in emit.ts call it, so each kind of event is built in one place. Inside `batch`,
// events are collected and written together when the batch ends, in the order they were made.
import type { EventOf, EventType } from '../../shared/events/event-types.ts';
import type { CallContext, Clock } from '../call-context.ts';
import type { NewEvent } from '../store/events.repo.ts';
import type { Store } from '../store/store.ts';

export interface EventFields<T extends EventType> {
  project_id: number | null;
  task_id: number | null;
  before: EventOf<T>['before'];
  after: EventOf<T>['after'];
}

export class EventWriter {
  private readonly store: Store;
  private readonly clock: Clock;
  /** Events of the open batch, written when the outermost batch ends; null outside one. */
  private pending: NewEvent[] | null = null;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  append<T extends EventType>(context: CallContext, type: T, fields: EventFields<T>): void {
    const event = { at: this.clock.now(), actor: context.actor, type, ...fields };
    if (this.pending) this.pending.push(event);
    else this.store.events.append(event);
  }

  /** Runs `body`, writing the events it appends in a few multi-row statements at its end. */
  batch<T>(body: () => T): T {
    if (this.pending) return body();
    const pending: NewEvent[] = [];
    this.pending = pending;
    try {
      const result = body();
      this.store.events.appendMany(pending);
      return result;
    } finally {
      this.pending = null;
    }
  }
}
