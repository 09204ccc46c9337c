// The composition root: opens the store, builds every service once, and binds each operation
// of the registry to its handler. Transports call `call(name, input, context)` and nothing else.
import { AppError, InvariantError } from '../shared/errors.ts';
import type { OrchestronEvent } from '../shared/operations/events.ops.ts';
import { OPERATIONS, isOperationName, OPERATION_NAMES } from '../shared/operations/registry.ts';
import type {
  OperationArgs,
  OperationName,
  OperationOutput,
} from '../shared/operations/registry.ts';
import { parseInput } from '../shared/operations/validation.ts';
import { systemClock, type CallContext, type Clock } from './call-context.ts';
import { EventLog } from './events/event-log.ts';
import { listEvents } from './events/event-query.ts';
import { NotificationService } from './events/notification.service.ts';
import { EventWriter } from './events/event-writer.ts';
import { CommitLinkService } from './git/commit-link.service.ts';
import { GraphService } from './graph/graph.service.ts';
import { ProjectService } from './projects/project.service.ts';
import { TransferService } from './projects/transfer.service.ts';
import { openDatabase } from './store/database.ts';
import { Store } from './store/store.ts';
import { DependencyService } from './tasks/dependency.service.ts';
import { DerivedState } from './tasks/derived-state.ts';
import { StatusService } from './tasks/status.service.ts';
import { TaskRemovalService } from './tasks/task-removal.service.ts';
import { TaskService } from './tasks/task.service.ts';

export interface OrchestratorOptions {
  databasePath: string;
  clock?: Clock;
  /** Validate every result against its output schema (tests turn this on). */
  checkOutputs?: boolean;
  /** Poll for other processes' changes this often; false to only see them on the next call. */
  watchIntervalMs?: number | false;
}

type Handlers = {
  [N in OperationName]: (
    args: OperationArgs<N>,
    context: CallContext,
  ) => OperationOutput<N> | Promise<OperationOutput<N>>;
};

function bindHandlers(store: Store, clock: Clock): Handlers {
  const events = new EventWriter(store, clock);
  const derived = new DerivedState(store, events, clock);
  const services = { store, events, clock, derived };
  const projects = new ProjectService(services);
  const tasks = new TaskService(services, projects);
  const statuses = new StatusService(services);
  const dependencies = new DependencyService(services);
  const removal = new TaskRemovalService(services);
  const graphs = new GraphService(store, projects);
  const commits = new CommitLinkService(services);
  const transfer = new TransferService(services, projects);
  const notifications = new NotificationService(services, projects);
  return {
    create_project: (args, context) => ({
      project: projects.create(args, context),
      message: `Created project "${args.name}".`,
    }),
    list_projects: () => ({ projects: projects.list() }),
    create_task: (args, context) => {
      const task = tasks.create(args, context);
      return { task, message: `Created task ${task.id} "${task.title}".` };
    },
    get_task: (args) => tasks.get(args),
    list_tasks: (args) => tasks.list(args),
    update_task: (args, context) => tasks.update(args, context),
    update_task_status: (args, context) => statuses.setStatus(args, context),
    delete_task: (args, context) => removal.delete(args, context),
    add_dependency: (args, context) => dependencies.add(args, context),
    remove_dependency: (args, context) => dependencies.remove(args, context),
    get_ready_tasks: (args) => graphs.ready(args),
    get_execution_order: (args) => graphs.order(args),
    get_critical_path: (args) => graphs.criticalPath(args),
    get_task_graph: (args) => graphs.export(args),
    link_git_commit: (args, context) => commits.link(args, context),
    list_events: (args) => listEvents(store, projects, args),
    list_notifications: (args) => notifications.list(args),
    mark_notifications_read: (args, context) => notifications.markRead(args, context),
    export_project: (args) => transfer.export(args),
    import_project: (args, context) => transfer.import(args, context),
  };
}

/** SQLite's error codes that mean "try again later" rather than "your call was wrong". */
function translateStorageError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
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
  private readonly handlers: Handlers;
  private readonly eventLog: EventLog;
  private readonly checkOutputs: boolean;

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
    context: CallContext,
  ): Promise<OperationOutput<N>> {
    if (!isOperationName(name)) {
      throw new AppError(
        'NOT_FOUND',
        `No operation "${String(name)}". Operations: ${OPERATION_NAMES.join(', ')}.`,
      );
    }
    const args = parseInput(name, input);
    const handler = this.handlers[name] as (args: unknown, context: CallContext) => unknown;
    let output: OperationOutput<N>;
    try {
      output = (await handler(args, context)) as OperationOutput<N>;
    } catch (error) {
      throw translateStorageError(error);
    } finally {
      this.eventLog.poll();
    }
    if (this.checkOutputs) {
      const checked = OPERATIONS[name].output.safeParse(output);
      if (!checked.success)
        throw new InvariantError(
          `${name} returned a result that breaks its output schema: ${checked.error.message}`,
        );
    }
    return output;
  }

  subscribe(listener: (event: OrchestronEvent) => void): () => void {
    return this.eventLog.subscribe(listener);
  }

  dispose(): void {
    this.eventLog.dispose();
    this.store.dispose();
  }
}
