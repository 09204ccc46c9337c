// What every service that writes needs, built once in the composition root: the store, the
// event writer, the clock, and the upkeep of derived task state.
import type { Clock } from './call-context.ts';
import type { EventWriter } from './events/event-writer.ts';
import type { Store } from './store/store.ts';
import type { DerivedState } from './tasks/derived-state.ts';

export interface CoreServices {
  store: Store;
  events: EventWriter;
  clock: Clock;
  derived: DerivedState;
}

export abstract class CoreService {
  protected readonly store: Store;
  protected readonly events: EventWriter;
  protected readonly clock: Clock;
  protected readonly derived: DerivedState;

  constructor(services: CoreServices) {
    this.store = services.store;
    this.events = services.events;
    this.clock = services.clock;
    this.derived = services.derived;
  }
}
