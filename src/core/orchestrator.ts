// The composition root: opens the store, builds every service once, binds each feature's
// handlers, and runs calls through one pipeline: the input's shape checked, parsed with the
// operation's schema, the handler run (long ones one at a time, so their transaction may span
// event-loop turns), events delivered, and failures turned into AppErrors that name the call.
import type { McpTarget } from '../shared/mcp/mcp-config.ts';
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
import { agentHandlers } from './agents/agents.handlers.ts';
import { gateHandlers } from './agents/gates.handlers.ts';
import { artifactHandlers, handoffHandlers, progressHandlers } from './agents/handoff.handlers.ts';
import { interventionHandlers } from './agents/interventions.handlers.ts';
import { layoutHandlers } from './layout/layout.handlers.ts';
import { AgentActivity } from './agents/agent-activity.ts';
import { sessionHandlers } from './agents/sessions.handlers.ts';
import { eventHandlers, notificationHandlers } from './events/event.handlers.ts';
import { EventLog } from './events/event-log.ts';
import { EventWriter } from './events/event-writer.ts';
import { commitHandlers } from './git/commit.handlers.ts';
import { convertHandlers } from './intake/convert.handlers.ts';
import { prdHandlers } from './intake/prd.handlers.ts';
import { taskmasterHandlers } from './intake/taskmaster.handlers.ts';
import { graphHandlers } from './graph/graph.handlers.ts';
import type { FeatureBinding, FeatureServices, Handler } from './handlers.ts';
import { expansionHandlers } from './planning/expansion.handlers.ts';
import { nextTaskHandlers } from './planning/next-task.handlers.ts';
import { projectHandlers, transferHandlers } from './projects/project.handlers.ts';
import { ProjectService } from './projects/project.service.ts';
import { RunService } from './runs/run.service.ts';
import { runHandlers } from './runs/runs.handlers.ts';
import { planningHandlers } from './planning/planning.handlers.ts';
import { settingsHandlers } from './settings/settings.handlers.ts';
import { openDatabase } from './store/database.ts';
import { Store } from './store/store.ts';
import { GraphRules } from './tasks/graph-rules.ts';
import { claimHandlers } from './tasks/claims.handlers.ts';
import { LeaseLifecycle } from './tasks/lease-expiry.ts';
import { dependencyHandlers, taskHandlers } from './tasks/task.handlers.ts';
import { BackgroundWork } from './workflows/background-work.ts';
import { workflowHandlers } from './workflows/workflows.handlers.ts';

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
  interventions: interventionHandlers,
  transfer: transferHandlers,
  claims: claimHandlers,
  sessions: sessionHandlers,
  progress: progressHandlers,
  handoff: handoffHandlers,
  artifacts: artifactHandlers,
  gates: gateHandlers,
  settings: settingsHandlers,
  convert: convertHandlers,
  workflows: workflowHandlers,
  runs: runHandlers,
  prd: prdHandlers,
  expansion: expansionHandlers,
  planning: planningHandlers,
  taskmaster: taskmasterHandlers,
  agents: agentHandlers,
  layout: layoutHandlers,
};

export interface OrchestratorOptions {
  databasePath: string;
  clock?: Clock;
  /** Validate every result against its output schema (tests turn this on). */
  checkOutputs?: boolean;
  /** Poll for other processes' changes this often; false to only see them on the next call. */
  watchIntervalMs?: number | false;
  /** Expire silent agents' leases this often; by default every 5 s when watching, else never. */
  leaseSweepMs?: number | false;
  /**
   * How agents reach this core, for get_connect_config, when the host knows better than the
   * stdio bridge: the desktop app runs in Electron, whose binary is no Node for a client to
   * start, so it names its HTTP endpoint. Asked at each call; null means the stdio bridge.
   */
  connectTarget?: () => McpTarget | null;
}

/** How often a watching host expires leases: a silent agent is noticed within seconds. */
const LEASE_SWEEP_MS = 5_000;

type AnyHandler = (args: unknown, context: CallContext) => unknown;

function buildServices(
  store: Store,
  clock: Clock,
  connectTarget: () => McpTarget | null,
): FeatureServices {
  const emit = new Emit(new EventWriter(store, clock));
  const core = { store, emit, clock, rules: new GraphRules(store, emit, clock) };
  const services = {
    ...core,
    projects: new ProjectService(core),
    background: new BackgroundWork(),
    connectTarget,
  } as FeatureServices;
  // the run service is built once, so the executor and execute_code share one engine
  services.runs = new RunService(services);
  return services;
}

function bindHandlers(services: FeatureServices): Record<OperationName, AnyHandler> {
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
  /** Runs code and records it; the workflow executor and execute_code share it. */
  readonly runs: RunService;
  private readonly handlers: Record<OperationName, AnyHandler>;
  private readonly eventLog: EventLog;
  private readonly checkOutputs: boolean;
  private readonly activity: AgentActivity;
  private readonly leases: LeaseLifecycle;
  private readonly background: BackgroundWork;
  private sweeper: NodeJS.Timeout | null = null;
  /** The call whose transaction spans event-loop turns; others wait for it. */
  private inFlight: Promise<unknown> | null = null;

  constructor(options: OrchestratorOptions) {
    this.store = new Store(openDatabase(options.databasePath));
    const clock = options.clock ?? systemClock;
    const services = buildServices(this.store, clock, options.connectTarget ?? (() => null));
    this.handlers = bindHandlers(services);
    this.background = services.background;
    // background work (workflow runs) goes back through this pipeline for every write
    this.background.attach({
      call: (name, input, callOptions) => this.call(name, input, callOptions),
      exclusive: async (body) => {
        try {
          return await this.exclusive(body);
        } finally {
          this.eventLog.poll();
        }
      },
    });
    this.runs = services.runs;
    // runs left `running` by a process that died are marked interrupted, with their events
    this.runs.markInterrupted();
    this.activity = new AgentActivity(this.store, clock);
    this.leases = new LeaseLifecycle(services);
    this.eventLog = new EventLog(this.store);
    this.checkOutputs = options.checkOutputs ?? false;
    if (options.watchIntervalMs !== false) this.eventLog.watch(options.watchIntervalMs);
    const sweep =
      options.leaseSweepMs ?? (options.watchIntervalMs === false ? false : LEASE_SWEEP_MS);
    if (sweep !== false) this.startLeaseSweeper(sweep);
  }

  /**
   * Expires leases past their time now (claims do it too); returns how many. Skipped while a
   * long call's transaction is open on this connection, so it never writes inside another's.
   */
  sweepLeases(): number {
    if (this.inFlight || this.store.inTransaction) return 0;
    return this.leases.expireDue();
  }

  /** Sweeps leases every `intervalMs` until disposed; the timer keeps no process alive. */
  startLeaseSweeper(intervalMs: number): void {
    this.stopLeaseSweeper();
    this.sweeper = setInterval(() => {
      try {
        this.sweepLeases();
      } catch {
        // a busy database: the next sweep, or the next claim, expires them
      }
      this.eventLog.poll();
    }, intervalMs);
    this.sweeper.unref();
  }

  stopLeaseSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
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
      const outputs = OPERATIONS[name].waits
        ? await this.beside(name, parsed, context)
        : await this.exclusive(() => this.invokeAsAgent(name, parsed, context));
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

  /** Runs the call between the claims rules and the lease renewal its success earns (agents only). */
  private invokeAsAgent(name: OperationName, inputs: unknown[], context: CallContext) {
    this.activity.authorize(name, inputs, context);
    const outputs = this.invoke(name, inputs, context);
    if (outputs instanceof Promise) {
      return outputs.then((done) => {
        this.activity.record(inputs, context);
        return done;
      });
    }
    this.activity.record(inputs, context);
    return outputs;
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

  /**
   * Runs a call that mostly waits (its contract says `waits`, e.g. a 50-second long-poll) beside
   * the others: it starts when no long call is in flight, then never holds one up. Its handler
   * only does short reads, each outside any other call's open transaction.
   */
  private async beside(name: OperationName, inputs: unknown[], context: CallContext) {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    const outputs: unknown[] = [];
    for (const input of inputs) outputs.push(await this.handlers[name](input, context));
    // the agent was there all along; its session is seen (never inside another call's write)
    if (!this.store.inTransaction) this.activity.record(inputs, context);
    return outputs;
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
    this.background.dispose();
    this.stopLeaseSweeper();
    this.runs.dispose();
    this.eventLog.dispose();
    this.store.dispose();
  }
}
