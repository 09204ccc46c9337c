// The composition root: opens the store, builds every service once, binds each feature's
// handlers, and runs calls through one pipeline: the input's shape checked, parsed with the
// operation's schema, the handler run (long ones one at a time, so their transaction may span
// event-loop turns), events delivered, and failures turned into AppErrors that name the call.
import { AppError, InvariantError } from '../shared/errors.ts';
import type { OrchestronEvent } from '../shared/events/event-types.ts';
import { checkInputShape } from '../shared/input-guard.ts';
import {
  OPERATIONS,
  OPERATION_NAMES,
  isOperationName,
  type GroupName,
  type OperationName,
  type OperationOutput,
} from '../shared/operations/registry.ts';
import { parseInput } from '../shared/operations/validation.ts';
import {
  makeContext,
  systemClock,
  type CallContext,
  type CallOptions,
  type Clock,
} from './call-context.ts';
import { Emit } from './events/emit.ts';
import { eventHandlers, notificationHandlers } from './events/event.handlers.ts';
import { EventLog } from './events/event-log.ts';
import { EventWriter } from './events/event-writer.ts';
import { commitHandlers } from './git/commit.handlers.ts';
import { graphHandlers } from './graph/graph.handlers.ts';
import type { FeatureBinding, FeatureServices, Handler } from './handlers.ts';
import { nextTaskHandlers } from './planning/next-task.handlers.ts';
import { projectHandlers, transferHandlers } from './projects/project.handlers.ts';
import { ProjectService } from './projects/project.service.ts';
import { openDatabase } from './store/database.ts';
import { Store } from './store/store.ts';
import { GraphRules } from './tasks/graph-rules.ts';
import { dependencyHandlers, taskHandlers } from './tasks/task.handlers.ts';

/** Each feature's handlers; the compiler checks every group of the registry is bound once. */
const FEATURES: { [G in GroupName]: FeatureBinding<G> } = {
  projects: projectHandlers,
  tasks: taskHandlers,
  dependencies: dependencyHandlers,
  graph: graphHandlers,
  nextTask: nextTaskHandlers,
  commits: commitHandlers,
  events: eventHandlers,
  notifications: notificationHandlers,
  transfer: transferHandlers,
};

export interface OrchestratorOptions {
  databasePath: string;
  clock?: Clock;
  /** Validate every result against its output schema (tests turn this on). */
  checkOutputs?: boolean;
  /** Poll for other processes' changes this often; false to only see them on the next call. */
  watchIntervalMs?: number | false;
}

type AnyHandler = (args: unknown, context: CallContext) => unknown;

function bindHandlers(store: Store, clock: Clock): Record<OperationName, AnyHandler> {
  const emit = new Emit(new EventWriter(store, clock));
  const core = { store, emit, clock, rules: new GraphRules(store, emit, clock) };
  const services: FeatureServices = { ...core, projects: new ProjectService(core) };
  const handlers: Partial<Record<OperationName, Handler<OperationName>>> = {};
  for (const bind of Object.values(FEATURES) as FeatureBinding<GroupName>[])
    Object.assign(handlers, bind(services));
  return handlers as Record<OperationName, AnyHandler>;
}

/** SQLite's error codes that mean "try again later" rather than "your call was wrong". */
function translateStorageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError(
      'TIMEOUT',
      "The database stayed busy with another process's write for too long; nothing changed. Retry the call.",
    );
  }
  return error;
}

export class Orchestrator {
  readonly store: Store;
  private readonly handlers: Record<OperationName, AnyHandler>;
  private readonly eventLog: EventLog;
  private readonly checkOutputs: boolean;
  /** The call whose transaction spans event-loop turns; others wait for it. */
  private inFlight: Promise<unknown> | null = null;

  constructor(options: OrchestratorOptions) {
    this.store = new Store(openDatabase(options.databasePath));
    this.handlers = bindHandlers(this.store, options.clock ?? systemClock);
    this.eventLog = new EventLog(this.store);
    this.checkOutputs = options.checkOutputs ?? false;
    if (options.watchIntervalMs !== false) this.eventLog.watch(options.watchIntervalMs);
  }

  /** Validates the input with the operation's schema, runs it, and delivers its events. */
  async call<N extends OperationName>(
    name: N,
    input: unknown,
    options: CallOptions = {},
  ): Promise<OperationOutput<N>> {
    const [output] = await this.run(name, [input], options);
    return output as OperationOutput<N>;
  }

  /**
   * Runs one operation once per input, in order, in one transaction: all of them change the
   * database, or none does (`task status 1,2,3 done`).
   */
  async callEach<N extends OperationName>(
    name: N,
    inputs: readonly unknown[],
    options: CallOptions = {},
  ): Promise<OperationOutput<N>[]> {
    return (await this.run(name, inputs, options)) as OperationOutput<N>[];
  }

  private async run(name: string, inputs: readonly unknown[], options: CallOptions) {
    if (!isOperationName(name)) {
      throw new AppError(
        'NOT_FOUND',
        `No operation "${String(name).slice(0, 80)}". Operations: ${OPERATION_NAMES.join(', ')}.`,
      );
    }
    const context = makeContext(options);
    try {
      const parsed = inputs.map((input) => {
        checkInputShape(input ?? {});
        return parseInput(name, input);
      });
      const outputs = await this.exclusive(() => this.invoke(name, parsed, context));
      if (this.checkOutputs) outputs.forEach((output) => this.checkOutput(name, output));
      return outputs;
    } catch (error) {
      const translated = translateStorageError(error);
      if (translated instanceof AppError) translated.operation ??= name;
      throw translated;
    } finally {
      this.eventLog.poll();
    }
  }

  private invoke(name: OperationName, inputs: unknown[], context: CallContext) {
    const handler = this.handlers[name];
    if (inputs.length === 1) {
      const result = handler(inputs[0], context);
      return result instanceof Promise ? result.then((output) => [output]) : [result];
    }
    const readOnly = OPERATIONS[name].annotations.readOnly;
    if (readOnly) return this.store.read(() => inputs.map((input) => handler(input, context)));
    return this.store.writeAsync(async () => {
      const outputs: unknown[] = [];
      for (const input of inputs) outputs.push(await handler(input, context));
      return outputs;
    });
  }

  /** Runs `body` when no long call is in flight; a long one keeps others waiting until it ends. */
  private async exclusive<T>(body: () => T | Promise<T>): Promise<Awaited<T>> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    const result = body();
    if (!(result instanceof Promise)) return result as Awaited<T>;
    const settled: Promise<unknown> = result.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight = settled;
    void settled.then(() => {
      if (this.inFlight === settled) this.inFlight = null;
    });
    return (await result) as Awaited<T>;
  }

  private checkOutput(name: OperationName, output: unknown): void {
    const checked = OPERATIONS[name].output.safeParse(output);
    if (!checked.success)
      throw new InvariantError(
        `${name} returned a result that breaks its output schema: ${checked.error.message}`,
      );
  }

  subscribe(listener: (event: OrchestronEvent) => void): () => void {
    return this.eventLog.subscribe(listener);
  }

  dispose(): void {
    this.eventLog.dispose();
    this.store.dispose();
  }
}
