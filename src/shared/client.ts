// What every front end (renderer, CLI, tests) knows of the core: call an operation, and listen
// to the event feed. Each shell provides it over its own carrier.
import type { OrchestronEvent } from './operations/events.ops.ts';
import type { OperationInput, OperationName, OperationOutput } from './operations/registry.ts';

export interface ClientCapabilities {
  nativeNotifications: boolean;
}

export interface OrchestronClient {
  readonly capabilities: ClientCapabilities;
  /** Rejects with an AppError-shaped { code, message, details } on failure. */
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: OrchestronEvent) => void): () => void;
}
