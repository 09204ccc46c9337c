// Starts, resumes, pauses and cancels workflow runs, and reads their state. A run executes in
// the background of this process (the orchestrator hosts it); its row names the process, so
// another process can tell a live run from one whose process died and take the latter over.
import { hostname } from 'node:os';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs } from '../../shared/operations/registry.ts';
import type { WorkflowRun } from '../../shared/operations/workflows.ops.ts';
import type { CallContext } from '../call-context.ts';
import type { FeatureServices } from '../handlers.ts';
import type { BackgroundWork } from './background-work.ts';
import type { CommandRunner } from './command-runner.ts';
import { WorkflowExecutor } from './workflow-executor.ts';
import { initialState, planScope } from './workflow-plan.ts';
import { describeStatus } from './workflow-status.ts';

export interface WorkflowServiceDeps {
  services: FeatureServices;
  background: BackgroundWork;
  runner: CommandRunner;
  cores: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class WorkflowService {
  private readonly deps: WorkflowServiceDeps;
  private readonly executors = new Map<number, WorkflowExecutor>();

  constructor(deps: WorkflowServiceDeps) {
    this.deps = deps;
  }

  private get store() {
    return this.deps.services.store;
  }

  requireRun(runId: number): WorkflowRun {
    const run = this.store.workflows.get(runId);
    if (run) return run;
    throw new AppError('NOT_FOUND', `No workflow run ${runId}. Runs are numbered from 1.`, {
      run_id: runId,
    });
  }

  async run(input: OperationArgs<'run_workflow'>, context: CallContext) {
    const { id, resumed } = await this.deps.background.exclusive(() =>
      this.store.write(() => this.createOrAdopt(input, context)),
    );
    return this.started(id, resumed, input.wait, context);
  }

  async resume(input: OperationArgs<'resume_workflow'>, context: CallContext) {
    await this.deps.background.exclusive(() =>
      this.store.write(() => {
        const run = this.requireRun(input.run_id);
        if (run.status !== 'running' && run.status !== 'paused')
          throw new AppError(
            'CONFLICT',
            `Workflow run ${run.id} has ended (${run.status}); start a new run of the project instead.`,
            { run_id: run.id, status: run.status },
          );
        this.adopt(run, context);
      }),
    );
    return this.started(input.run_id, true, input.wait, context);
  }

  private async started(runId: number, resumed: boolean, wait: boolean, context: CallContext) {
    let executor = this.executors.get(runId);
    if (!executor) {
      const run = this.requireRun(runId);
      const plan = planScope(this.store, run.project_id, run.scope_task_id);
      executor = new WorkflowExecutor(this.deps, runId, run.project_id, plan);
      this.executors.set(runId, executor);
      const job = executor;
      void job.done.finally(() => {
        if (this.executors.get(runId) === job) this.executors.delete(runId);
      });
      this.deps.background.track({ done: job.done, abandon: () => job.abandon() });
    }
    if (wait) {
      const timer = setInterval(() => this.report(runId, context), 250);
      try {
        await executor.done;
      } finally {
        clearInterval(timer);
      }
    }
    const status = this.status(runId);
    const verb = resumed ? 'Resumed' : 'Started';
    return {
      ...status,
      resumed,
      message: wait
        ? `Workflow run ${runId} ${status.run.status}.`
        : `${verb} workflow run ${runId}; it runs in the background.`,
    };
  }

  private report(runId: number, context: CallContext): void {
    const { progress } = this.status(runId);
    context.progress({
      phase: `workflow run ${runId}`,
      done: progress.done + progress.failed,
      total: progress.total,
    });
  }

  /** A new run of the scope, or its unfinished one taken over; refused while a live process runs it. */
  private createOrAdopt(input: OperationArgs<'run_workflow'>, context: CallContext) {
    const project = this.deps.services.projects.resolve(input.project_id, context);
    let scope: number | null = null;
    if (input.task_id !== undefined) {
      const task = this.store.tasks.get(input.task_id);
      if (!task || task.project_id !== project.id)
        throw new AppError('NOT_FOUND', `No task ${input.task_id} in project "${project.name}".`, {
          task_id: input.task_id,
        });
      scope = task.id;
    }
    const unfinished = this.store.workflows.unfinished(project.id, scope);
    if (unfinished) {
      this.adopt(unfinished, context);
      return { id: unfinished.id, resumed: true };
    }
    const plan = planScope(this.store, project.id, scope);
    if (plan.length === 0)
      throw new AppError(
        'VALIDATION',
        `Project "${project.name}" has no tasks to run; create tasks with a run spec first.`,
      );
    const now = this.deps.services.clock.now();
    const id = this.store.workflows.insertRun({
      project_id: project.id,
      scope_task_id: scope,
      concurrency: input.concurrency ?? this.deps.cores,
      retries: input.retries,
      backoff_ms: input.backoff_ms,
      fail_fast: input.fail_fast,
      owner_pid: process.pid,
      owner_host: hostname(),
      created_by: context.actor,
      started_at: now,
    });
    plan.forEach((planned, position) => {
      const { state, note } = initialState(this.store.tasks.get(planned.id)!, planned.group);
      this.store.workflows.insertTask(
        id,
        { task_id: planned.id, position, title: planned.title, state },
        note,
      );
    });
    this.deps.services.emit.workflow(
      context,
      'workflow.started',
      { project_id: project.id },
      {
        workflow_run_id: id,
        total: plan.length,
        resumed: false,
      },
    );
    return { id, resumed: false };
  }

  /** Takes over a run whose process is gone (or paused): in-flight attempts become interrupted. */
  private adopt(run: WorkflowRun, context: CallContext): void {
    if (this.executors.has(run.id) && run.status === 'running') {
      // this process runs it: resuming withdraws a pause that has not taken effect yet
      if (run.control === 'pause') this.store.workflows.setControl(run.id, null);
      return;
    }
    // a paused run whose executor is still winding down gets a new one (see `started`)
    this.executors.delete(run.id);
    const owner = this.store.workflows.owner(run.id)!;
    const live =
      owner.owner_pid !== null &&
      owner.owner_pid !== process.pid &&
      owner.owner_host === hostname() &&
      alive(owner.owner_pid);
    if (live)
      throw new AppError(
        'CONFLICT',
        `Workflow run ${run.id} is being run by process ${owner.owner_pid}; watch its status, or pause or cancel it.`,
        { run_id: run.id, owner_pid: owner.owner_pid },
      );
    const now = this.deps.services.clock.now();
    this.store.workflows.interruptRunning(run.id, now);
    for (const task of this.store.workflows.tasks(run.id))
      if (task.state === 'running' || task.state === 'retrying')
        this.store.workflows.updateTask(run.id, {
          ...task,
          state: 'waiting',
          note: 'interrupted; runs again',
        });
    this.store.workflows.setStatus(run.id, 'running', null);
    this.store.workflows.setOwner(run.id, { owner_pid: process.pid, owner_host: hostname() });
    const total = this.store.workflows.tasks(run.id).length;
    this.deps.services.emit.workflow(
      context,
      'workflow.started',
      { project_id: run.project_id },
      {
        workflow_run_id: run.id,
        total,
        resumed: true,
      },
    );
  }

  control(runId: number, control: 'pause' | 'cancel', context: CallContext) {
    return this.store.write(() => {
      const run = this.requireRun(runId);
      if (run.status !== 'running' && !(run.status === 'paused' && control === 'cancel'))
        throw new AppError(
          'CONFLICT',
          `Workflow run ${runId} is ${run.status}; only a running run can be ${control === 'pause' ? 'paused' : 'cancelled'}.`,
          { run_id: runId, status: run.status },
        );
      if (run.status === 'paused') {
        // no executor runs a paused run: what it had not started is cancelled here
        for (const task of this.store.workflows.tasks(runId))
          if (task.state === 'waiting')
            this.store.workflows.updateTask(runId, {
              ...task,
              state: 'cancelled',
              note: 'not started: the run stopped',
            });
        this.store.workflows.setStatus(runId, 'cancelled', this.deps.services.clock.now());
        const tasks = this.store.workflows.tasks(runId);
        this.deps.services.emit.workflow(
          context,
          'workflow.finished',
          { project_id: run.project_id },
          {
            workflow_run_id: runId,
            status: 'cancelled',
            done: tasks.filter((task) => task.state === 'passed' || task.state === 'done_before')
              .length,
            failed: tasks.filter((task) => task.state === 'failed').length,
            total: tasks.length,
          },
        );
      } else this.store.workflows.setControl(runId, control);
      this.deps.services.emit.workflow(
        context,
        'workflow.control_requested',
        { project_id: run.project_id },
        {
          workflow_run_id: runId,
          control,
        },
      );
      const after = this.requireRun(runId);
      const what =
        control === 'pause'
          ? 'pauses once its running tasks finish'
          : 'is being cancelled: its commands are stopped';
      return {
        run: after,
        message:
          after.status === 'cancelled'
            ? `Workflow run ${runId} cancelled.`
            : `Workflow run ${runId} ${what}.`,
      };
    });
  }

  status(runId: number) {
    return this.store.read(() => {
      const run = this.requireRun(runId);
      return describeStatus(run, this.store.workflows.tasks(runId));
    });
  }

  latestOf(input: OperationArgs<'workflow_status'>, context: CallContext) {
    if (input.run_id !== undefined) return this.status(input.run_id);
    const project = this.deps.services.projects.resolve(input.project_id, context);
    const latest = this.store.workflows.latest(project.id);
    if (!latest)
      throw new AppError('NOT_FOUND', `Project "${project.name}" has no workflow runs yet.`);
    return this.status(latest.id);
  }
}
