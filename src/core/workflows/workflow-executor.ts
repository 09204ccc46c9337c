// Runs one workflow run to its end, a pause or a cancel: starts waiting tasks whose prerequisites
// passed, up to the concurrency (a task whose run spec is not parallel runs alone), retries a
// failed attempt with exponential backoff, blocks the dependents of a task that failed, and
// obeys a pause or cancel that any process writes on the run's row. Every step is written
// before the next begins, so a new process can take over where this one died.
import type { WorkflowStatus, WorkflowTask } from '../../shared/operations/workflows.ops.ts';
import type { TaskRunSpec, TaskVerifySpec } from '../../shared/workflow/task-run-spec.ts';
import { makeContext, type CallContext } from '../call-context.ts';
import { gateOf } from '../agents/gates.ts';
import type { FeatureServices } from '../handlers.ts';
import type { BackgroundWork } from './background-work.ts';
import type { CommandOutcome, CommandRunner } from './command-runner.ts';
import { allPassed, verify } from './verification.ts';
import { initialState, type PlannedTask } from './workflow-plan.ts';

/** How often the run's row is read for a pause or cancel while tasks run. */
const CONTROL_POLL_MS = 200;
/** The runner's default: a command of a task-Markdown step that names no timeout. */
const DEFAULT_TIMEOUT_SECONDS = 30;
const FINISHED: ReadonlySet<string> = new Set(['passed', 'done_before']);
const STOPPED: ReadonlySet<string> = new Set(['failed', 'blocked', 'cancelled']);
const FAILED: ReadonlySet<string> = new Set(['failed', 'blocked']);

export interface ExecutorDeps {
  services: FeatureServices;
  background: BackgroundWork;
  runner: CommandRunner;
}

export class WorkflowExecutor {
  readonly runId: number;
  readonly done: Promise<WorkflowStatus | null>;
  private readonly deps: ExecutorDeps;
  private readonly plan: PlannedTask[];
  private readonly states = new Map<number, WorkflowTask>();
  private readonly running = new Map<number, Promise<void>>();
  private readonly abort = new AbortController();
  private readonly context: CallContext;
  private readonly projectId: number;
  private abandoned = false;
  private stopping: 'cancel' | 'fail_fast' | null = null;
  private wake: () => void = () => {};

  constructor(deps: ExecutorDeps, runId: number, projectId: number, plan: PlannedTask[]) {
    this.deps = deps;
    this.runId = runId;
    this.projectId = projectId;
    this.plan = plan;
    const caller = { kind: 'system' as const, name: 'workflow', session: `run-${runId}` };
    this.context = makeContext({ caller });
    this.done = this.execute();
  }

  /** Kills the commands at once and writes nothing more: a later process resumes the run. */
  abandon(): void {
    this.abandoned = true;
    this.abort.abort();
    this.wake();
  }

  private get store() {
    return this.deps.services.store;
  }

  private write<T>(body: () => T): Promise<T> {
    return this.deps.background.exclusive(() => this.store.write(body));
  }

  private async execute(): Promise<WorkflowStatus | null> {
    for (const task of await this.write(() => this.store.workflows.tasks(this.runId)))
      this.states.set(task.task_id, task);
    await this.settleVerdicts();
    const settings = this.store.workflows.get(this.runId)!;
    for (;;) {
      if (this.abandoned) return null;
      const control = await this.deps.background.exclusive(
        () => this.store.workflows.get(this.runId)?.control ?? null,
      );
      if (control === 'cancel' && this.stopping === null) this.stop('cancel');
      if (control === null && this.stopping === null) this.startReady(settings.concurrency);
      if (this.running.size === 0) return this.finish(control === 'pause' && !this.stopping);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, CONTROL_POLL_MS).unref();
        for (const run of this.running.values()) void run.then(resolve, resolve);
      });
    }
  }

  /**
   * A process killed between a task's verdict and the move of its status leaves the task
   * in_progress; its verdict stands (it never runs again), so the move is made now. Without it
   * a dependent could never start (its prerequisite would stay in_progress).
   */
  private async settleVerdicts(): Promise<void> {
    for (const task of this.plan) {
      const { state } = this.states.get(task.id)!;
      const record = this.store.tasks.get(task.id);
      if (!record || record.status !== 'in_progress' || record.lease_holder !== null) continue;
      try {
        if (state === 'passed' || state === 'review') await this.pass(task);
        else if (state === 'failed') await this.moveStatus(task.id, 'failed');
      } catch {
        // refused (a person changed the task meanwhile): it stays as it is, the run goes on
      }
    }
  }

  private stop(reason: 'cancel' | 'fail_fast'): void {
    this.stopping = reason;
    this.abort.abort();
  }

  private startReady(concurrency: number): void {
    const exclusiveRunning = [...this.running.keys()].some((id) => !this.parallel(id));
    if (exclusiveRunning) return;
    for (const task of this.plan) {
      if (this.running.size >= concurrency) return;
      const state = this.states.get(task.id)!;
      if (state.state !== 'waiting') continue;
      const blocker = task.dependsOn.find((id) => STOPPED.has(this.states.get(id)!.state));
      if (blocker !== undefined) {
        this.block(task, blocker);
        continue;
      }
      if (!task.dependsOn.every((id) => FINISHED.has(this.states.get(id)!.state))) continue;
      // the task may have changed since the run began: an agent claimed it, a person completed
      // or paused it; such a task is left alone like one that stood so at the start
      const now = initialState(this.store.tasks.get(task.id)!, task.group);
      if (now.state !== 'waiting') {
        void this.setState(task.id, now);
        continue;
      }
      const alone = !this.parallel(task.id);
      if (alone && this.running.size > 0) return;
      const run = this.runTask(task).catch((error: unknown) => this.crashed(task, error));
      this.running.set(task.id, run);
      void run.finally(() => this.running.delete(task.id));
      if (alone) return;
    }
  }

  private parallel(taskId: number): boolean {
    return this.store.tasks.get(taskId)?.run_spec?.parallel !== false;
  }

  private block(task: PlannedTask, blocker: number): void {
    const state = this.states.get(task.id)!;
    const why = this.states.get(blocker)!.state;
    this.states.set(task.id, {
      ...state,
      state: 'blocked',
      note: `prerequisite #${blocker} ${why}`,
    });
    void this.write(() => this.store.workflows.updateTask(this.runId, this.states.get(task.id)!));
  }

  private async runTask(task: PlannedTask): Promise<void> {
    if (task.group) return this.passGroup(task);
    const settings = this.store.workflows.get(this.runId)!;
    for (;;) {
      const outcome = await this.attempt(task);
      if (outcome !== 'failed' || this.abandoned || this.stopping) return;
      const state = this.states.get(task.id)!;
      if (state.attempts - this.interruptedCount(task.id) > settings.retries)
        return this.fail(task);
      const delay =
        settings.backoff_ms * 2 ** (state.attempts - this.interruptedCount(task.id) - 1);
      await this.setState(task.id, { state: 'retrying', note: `retry in ${delay} ms` });
      await sleep(delay, this.abort.signal);
      if (this.abandoned) return;
      if (this.stopping) return this.cancelTask(task, null);
    }
  }

  /**
   * A step of the task threw (the move of its status was refused: a person reopened a
   * prerequisite, deleted or paused the task meanwhile...): the task fails with the reason, its
   * dependents are blocked, and the rest of the run, and the process hosting it, go on.
   */
  private async crashed(task: PlannedTask, error: unknown): Promise<void> {
    if (this.abandoned) return;
    const reason = error instanceof Error ? error.message : String(error);
    try {
      const running = this.store.workflows
        .attempts(this.runId)
        .filter((attempt) => attempt.task_id === task.id && attempt.status === 'running');
      await this.write(() => {
        for (const attempt of running)
          this.store.workflows.finishAttempt(attempt.id, {
            status: 'failed',
            verification: null,
            error: reason,
            finished_at: this.now(),
            duration_ms: Date.now() - Date.parse(attempt.started_at),
          });
      });
      await this.setState(task.id, {
        state: 'failed',
        note: `could not run: ${reason}`.slice(0, 500),
        finished_at: this.now(),
      });
      if (this.store.workflows.get(this.runId)!.fail_fast) this.stop('fail_fast');
    } catch {
      // the store itself failed (closed, disk full): the run's row still says running, so a
      // later process takes it over as it would after a crash
    }
  }

  private interruptedCount(taskId: number): number {
    return this.store.workflows
      .attempts(this.runId)
      .filter((attempt) => attempt.task_id === taskId && attempt.status === 'interrupted').length;
  }

  /** One attempt: start it (written), run the commands (each written), verify, record. */
  private async attempt(task: PlannedTask): Promise<'passed' | 'failed' | 'stopped'> {
    const record = this.store.tasks.get(task.id)!;
    const spec = record.run_spec as TaskRunSpec;
    const state = this.states.get(task.id)!;
    const number = state.attempts + 1;
    const started = Date.now();
    const attemptId = await this.write(() => {
      const id = this.store.workflows.insertAttempt(this.runId, task.id, number, this.now());
      const next = {
        ...state,
        state: 'running' as const,
        attempts: number,
        note: null,
        started_at: state.started_at ?? this.now(),
      };
      this.store.workflows.updateTask(this.runId, next);
      this.states.set(task.id, next);
      this.deps.services.emit.workflow(this.context, 'workflow.task_started', record, {
        workflow_run_id: this.runId,
        attempt: number,
      });
      return id;
    });
    if (record.status !== 'in_progress') await this.moveStatus(task.id, 'in_progress');
    const expected = (record.verify_spec as TaskVerifySpec | null)?.exit_code ?? 0;
    const outcomes = await this.runCommands(task, spec, attemptId, expected);
    if (this.abandoned) return 'stopped';
    if (this.stopping) {
      await this.finishAttempt(task, attemptId, number, 'cancelled', null, started);
      await this.cancelTask(task, 'stopped while running');
      return 'stopped';
    }
    const checks = verify(outcomes, spec.commands.length, record.verify_spec as TaskVerifySpec);
    const passed = allPassed(checks);
    await this.finishAttempt(
      task,
      attemptId,
      number,
      passed ? 'passed' : 'failed',
      checks,
      started,
    );
    if (passed) await this.pass(task);
    return passed ? 'passed' : 'failed';
  }

  private async runCommands(
    task: PlannedTask,
    spec: TaskRunSpec,
    attemptId: number,
    expected: number,
  ) {
    const outcomes: CommandOutcome[] = [];
    const context = makeContext({ caller: this.context.caller, signal: this.abort.signal });
    for (const [position, command] of spec.commands.entries()) {
      if (this.abort.signal.aborted) break;
      const outcome = await this.deps.runner.run(
        {
          taskId: task.id,
          ...command,
          timeoutSeconds: spec.timeout_seconds ?? DEFAULT_TIMEOUT_SECONDS,
          ...(spec.working_directory === undefined
            ? {}
            : { workingDirectory: spec.working_directory }),
        },
        context,
      );
      if (this.abandoned) break;
      outcomes.push(outcome);
      await this.write(() =>
        this.store.workflows.insertCommand({
          attempt_id: attemptId,
          position,
          language: command.language,
          code: command.code,
          ...outcome,
        }),
      );
      if (outcome.exit_code !== expected) break;
    }
    return outcomes;
  }

  private finishAttempt(
    task: PlannedTask,
    attemptId: number,
    attempt: number,
    status: 'passed' | 'failed' | 'cancelled',
    checks: ReturnType<typeof verify> | null,
    started: number,
  ) {
    const duration = Date.now() - started;
    return this.write(() => {
      this.store.workflows.finishAttempt(attemptId, {
        status,
        verification: checks,
        error: null,
        finished_at: this.now(),
        duration_ms: duration,
      });
      // the verdict and the task's state in one write: a passed task is never run again
      const state = this.states.get(task.id)!;
      const next: WorkflowTask =
        status === 'passed'
          ? { ...state, state: 'passed', note: null, finished_at: this.now() }
          : state;
      this.store.workflows.updateTask(this.runId, next);
      this.states.set(task.id, next);
      this.deps.services.emit.workflow(
        this.context,
        'workflow.task_finished',
        this.taskAt(task.id),
        {
          workflow_run_id: this.runId,
          attempt,
          outcome: status,
          state: next.state,
          duration_ms: duration,
        },
      );
    });
  }

  /** A group whose subtasks all passed: nothing to run, so it passes as they did. */
  private async passGroup(task: PlannedTask): Promise<void> {
    await this.setState(task.id, {
      state: 'passed',
      note: 'its subtasks passed',
      started_at: this.now(),
      finished_at: this.now(),
    });
    await this.pass(task);
  }

  /** The passed task completes, or goes to review where a gate holds it. */
  async pass(task: PlannedTask): Promise<void> {
    const record = this.store.tasks.get(task.id)!;
    const gate = gateOf(this.store, record);
    if (gate) {
      await this.setState(task.id, {
        state: 'review',
        note: `passed; the ${gate} gate asks a person to approve it`,
      });
      if (record.status !== 'review') await this.moveStatus(task.id, 'review');
    } else if (record.status !== 'completed') await this.moveStatus(task.id, 'completed');
  }

  private async fail(task: PlannedTask): Promise<void> {
    // stop before the writes below: the loop may wake while they wait and start more tasks
    if (this.store.workflows.get(this.runId)!.fail_fast) this.stop('fail_fast');
    await this.setState(task.id, {
      state: 'failed',
      note: 'verification failed',
      finished_at: this.now(),
    });
    await this.moveStatus(task.id, 'failed');
  }

  private async cancelTask(task: PlannedTask, note: string | null): Promise<void> {
    await this.setState(task.id, { state: 'cancelled', note, finished_at: this.now() });
    if (this.store.tasks.get(task.id)!.status === 'in_progress')
      await this.moveStatus(task.id, 'pending');
  }

  private async setState(taskId: number, change: Partial<WorkflowTask>): Promise<void> {
    const next = { ...this.states.get(taskId)!, ...change };
    this.states.set(taskId, next);
    await this.write(() => this.store.workflows.updateTask(this.runId, next));
  }

  private async moveStatus(
    taskId: number,
    status: 'in_progress' | 'completed' | 'review' | 'failed' | 'pending',
  ) {
    await this.deps.background.call(
      'update_task_status',
      { task_id: taskId, status },
      this.context,
    );
  }

  private async finish(paused: boolean): Promise<WorkflowStatus | null> {
    if (this.abandoned) return null;
    // a stopped run starts nothing more, but a task waiting on a failed one is blocked by it,
    // as it would have been had the run gone on, not merely "not started"
    if (this.stopping)
      for (const task of this.plan) {
        if (this.states.get(task.id)!.state !== 'waiting') continue;
        const blocker = task.dependsOn.find((id) => FAILED.has(this.states.get(id)!.state));
        if (blocker !== undefined) this.block(task, blocker);
      }
    const tasks = [...this.states.values()];
    const status: WorkflowStatus = paused
      ? 'paused'
      : this.stopping === 'cancel'
        ? 'cancelled'
        : tasks.some((task) => task.state === 'failed')
          ? 'failed'
          : tasks.every((task) => FINISHED.has(task.state))
            ? 'completed'
            : 'incomplete';
    await this.write(() => {
      for (const task of tasks)
        if (this.stopping && task.state === 'waiting')
          this.store.workflows.updateTask(this.runId, {
            ...task,
            state: 'cancelled',
            note: 'not started: the run stopped',
          });
      this.store.workflows.setStatus(this.runId, status, paused ? null : this.now());
      this.store.workflows.releaseOwner(this.runId, process.pid);
      this.deps.services.emit.workflow(
        this.context,
        'workflow.finished',
        { project_id: this.projectId },
        {
          workflow_run_id: this.runId,
          status,
          done: tasks.filter((task) => FINISHED.has(task.state)).length,
          failed: tasks.filter((task) => task.state === 'failed').length,
          total: tasks.length,
        },
      );
    });
    return status;
  }

  private taskAt(taskId: number) {
    return { id: taskId, project_id: this.projectId };
  }

  private now(): string {
    return this.deps.services.clock.now();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
