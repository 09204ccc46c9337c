// What every service that writes needs, built once in the composition root: the store, the
// event emitters, the clock, and the graph rules that keep derived task state.
import type { Clock } from './call-context.ts';
import type { Emit } from './events/emit.ts';
import type { Store } from './store/store.ts';
import type { GraphRules } from './tasks/graph-rules.ts';

export interface CoreServices {
  store: Store;
  emit: Emit;
  clock: Clock;
  rules: GraphRules;
}

export abstract class CoreService {
  protected readonly store: Store;
  protected readonly emit: Emit;
  protected readonly clock: Clock;
  protected readonly rules: GraphRules;

  constructor(services: CoreServices) {
    this.store = services.store;
    this.emit = services.emit;
    this.clock = services.clock;
    this.rules = services.rules;
  }
}
