// Appends one event inside the current write transaction, stamping time and actor. Only the
// emitters in emit.ts call it, so each kind of event is built in one place.
import type { EventOf, EventType } from '../../shared/events/event-types.ts';
import type { CallContext, Clock } from '../call-context.ts';
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

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  append<T extends EventType>(context: CallContext, type: T, fields: EventFields<T>): number {
    return this.store.events.append({
      at: this.clock.now(),
      actor: context.actor,
      type,
      ...fields,
    });
  }
}
