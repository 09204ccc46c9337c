// Runs code for callers and records every run: the engine (CodeRunner) in a fresh folder under
// the data directory, a `runs` row written before the code starts and completed at its end, and
// run.started / run.output / run.finished events.
//
// API (used by execute_code and by the workflow executor; keep it stable)
//   const runs = services.runs;                          // built once by the composition root
//   const record = await runs.execute(input, context, { onOutput, onStart });
//     input: execute_code's arguments: { task_id?, project_id?, language, code, timeout (s),
//            working_directory?, packages?, stdin? }
//     → RunRecord (never rejects for the code's own failure: see record.status, one of
//       succeeded | failed | timed_out | cancelled | killed | setup_failed)
//     Throws AppError before anything is recorded or run: VALIDATION (bad field; details.field),
//     NOT_FOUND (task, project, runtime, working directory), FORBIDDEN (an agent and a task it
//     may not change).
//     context.signal aborting cancels the run (status cancelled); a context.deadline cancels it too.
//     onOutput gets every chunk of output (~16 ms batches), unthrottled; onStart the run's id
//     and sandbox once its code started.
//   runs.get(id) → RunRecord (NOT_FOUND);  runs.executionsOf(taskId) → RunSummary[] (latest 20)
//   runs.doctor() → what get_doctor_report returns;  runs.dispose() cancels what still runs.
// Call execute() outside any transaction: it makes its own short writes, each when the shared
// connection is free, so a 30-second run never holds other calls up.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { RUN_LIMITS } from '../../shared/operations/runs.ops.ts';
import { makeContext, type CallContext } from '../call-context.ts';
import type { FeatureServices } from '../handlers.ts';
import { CodeRunner } from './code-runner.ts';
import { doctorReport } from './doctor.ts';
import { RunPreparation } from './run-preparation.ts';
import type { RunRecord, RunSummary } from './run-records.ts';
import { RunRecorder } from './run-recorder.ts';
import type { RunHandle } from './run-types.ts';
import { installPackages } from './package-setup.ts';
import { runProcesses, signalEach } from './process-tree.ts';
import { writeWhenIdle } from './idle-writes.ts';

/** How often a process with runs going looks for stops and input from other processes. */
const CONTROL_POLL_MS = 250;

export type ExecuteInput = OperationArgs<'execute_code'>;

export interface ExecuteOptions {
  /** Every chunk of the program's output as it comes (~16 ms batches), before any throttling. */
  onOutput?: (chunk: string) => void;
  /** Once the code has started: the run's id and the sandbox it runs in. */
  onStart?: (run: { id: number; sandbox: NonNullable<RunRecord['sandbox']> }) => void;
}

export interface RunServiceOptions {
  /** The engine; built on first use (it probes the machine's sandbox tools once). */
  runner?: CodeRunner;
  /** Where run folders go; by default `runs/` beside the database file. */
  runsFolder?: string;
}

export class RunService {
  private readonly services: FeatureServices;
  private runner: CodeRunner | null;
  private readonly runsFolder: string;
  private readonly preparation: RunPreparation;
  /** This process's runs in progress, by run id. */
  private readonly active = new Map<number, RunHandle>();
  /** Looks for stops and input from other processes while this one has runs going. */
  private cancelPoll: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(services: FeatureServices, options: RunServiceOptions = {}) {
    this.services = services;
    this.runner = options.runner ?? null;
    this.runsFolder = options.runsFolder ?? join(dirname(services.store.db.name), 'runs');
    this.preparation = new RunPreparation(services);
  }

  async execute(
    input: ExecuteInput,
    context: CallContext,
    options: ExecuteOptions = {},
  ): Promise<RunRecord> {
    const prepared = this.preparation.prepare(input, context);
    this.engine();
    if (context.signal.aborted)
      throw new AppError(
        'CANCELLED',
        'The call was cancelled before the code ran; nothing changed.',
      );
    const recorder = await RunRecorder.open(this.services, prepared, context);
    const runDirectory = join(this.runsFolder, String(recorder.id));
    if (prepared.packages.length > 0) {
      const setup = await installPackages({
        manager: prepared.manager!,
        packages: prepared.packages,
        workFolder: join(runDirectory, 'work'),
        python: prepared.python,
        signal: context.signal,
      });
      await recorder.recordSetup(setup);
      if (!setup.ok || context.signal.aborted)
        return recorder.endWithoutRun(setup.ok ? 'cancelled' : 'setup_failed');
    }
    let handle: RunHandle;
    try {
      handle = this.engine().start(
        { ...prepared.spec, runDirectory, preparedWork: prepared.packages.length > 0 },
        {
          onOutput: (chunk) => {
            options.onOutput?.(chunk);
            recorder.output(chunk);
          },
          onStart: ({ sandbox, pid }) => {
            recorder.started(sandbox, join(runDirectory, 'output.log'), pid);
            options.onStart?.({ id: recorder.id, sandbox });
          },
        },
      );
    } catch (error) {
      // refused by the engine after all: nothing ran, so nothing stays recorded
      rmSync(runDirectory, { recursive: true, force: true });
      await recorder.discard();
      throw error;
    }
    return this.await(handle, recorder, context);
  }

  /**
   * Stops a running run: at once when this process runs it, else by a mark its owner polls for.
   * A run that has already ended is left as it was (the answer says how it ended).
   */
  async cancel(id: number, context: CallContext): Promise<RunRecord> {
    const { store } = this.services;
    const before = this.get(id);
    if (before.status !== 'running') return before;
    this.authorize(before, context);
    const handle = this.active.get(id);
    if (handle) {
      handle.cancel();
      await Promise.race([handle.done, new Promise((resolve) => setTimeout(resolve, 100))]);
    } else {
      await writeWhenIdle(store, () => store.runs.requestCancel(id));
      const owner = store.read(() => store.runs.ownerPid(id));
      // nobody will ever answer for a run whose process is gone
      if (!isAlive(owner)) RunRecorder.interrupt(this.services, id, context);
    }
    return this.get(id);
  }

  /**
   * Types into a running run: at once when this process hosts it, else queued for its owner,
   * which takes it on its next look (a quarter second). Refused for an ended run.
   */
  async sendInput(
    id: number,
    text: string,
    endInput: boolean,
    context: CallContext,
  ): Promise<number> {
    const { store } = this.services;
    const run = this.get(id);
    if (run.status !== 'running')
      throw new AppError(
        'CONFLICT',
        `Run ${id} has ended (${run.status}); it takes no more input.`,
        {
          run_id: id,
          status: run.status,
        },
      );
    this.authorize(run, context);
    const handle = this.active.get(id);
    if (handle) {
      handle.write(text);
      if (endInput) handle.endInput();
    } else if (isAlive(store.read(() => store.runs.ownerPid(id))))
      await writeWhenIdle(store, () => store.runs.queueInput(id, text, endInput));
    else
      throw new AppError(
        'CONFLICT',
        `Run ${id} is recorded as running, but the process that ran it is gone; it takes no more input.`,
        { run_id: id },
      );
    return Buffer.byteLength(text);
  }

  /** An agent may stop or type into its own runs, or runs of a task it may change. */
  private authorize(run: RunRecord, context: CallContext): void {
    if (context.caller.kind !== 'agent' || run.created_by === context.actor) return;
    if (run.task_id !== null) {
      this.preparation.authorizeTask(run.task_id, context);
      return;
    }
    throw new AppError(
      'FORBIDDEN',
      `Run ${run.id} was started by ${run.created_by}; an agent may only stop or type into its own runs or runs of tasks it holds.`,
      { run_id: run.id, created_by: run.created_by },
    );
  }

  private watchForControl(): void {
    if (this.cancelPoll || this.active.size === 0) return;
    this.cancelPoll = setInterval(() => {
      if (this.active.size === 0) {
        clearInterval(this.cancelPoll!);
        this.cancelPoll = null;
        return;
      }
      const { store } = this.services;
      if (store.inTransaction) return;
      const ids = [...this.active.keys()];
      const queued = store.read(() => store.runs.queuedInput(ids));
      if (queued.length > 0) store.write(() => store.runs.dropInput(ids, queued.at(-1)!.id));
      for (const input of queued) {
        const handle = this.active.get(input.run_id);
        handle?.write(input.text);
        if (input.end_input) handle?.endInput();
      }
      for (const id of store.read(() => store.runs.cancelRequested(ids)))
        this.active.get(id)?.cancel();
    }, CONTROL_POLL_MS);
    this.cancelPoll.unref();
  }

  private async await(
    handle: RunHandle,
    recorder: RunRecorder,
    context: CallContext,
  ): Promise<RunRecord> {
    this.active.set(recorder.id, handle);
    this.watchForControl();
    const cancel = () => handle.cancel();
    context.signal.addEventListener('abort', cancel, { once: true });
    const deadline =
      context.deadline === null ? undefined : setTimeout(cancel, context.deadline - Date.now());
    try {
      const result = await handle.done;
      return await recorder.finish(result);
    } finally {
      clearTimeout(deadline);
      context.signal.removeEventListener('abort', cancel);
      this.active.delete(recorder.id);
    }
  }

  get(id: number): RunRecord {
    const { store } = this.services;
    const run = store.read(() => store.runs.get(id));
    if (!run)
      throw new AppError('NOT_FOUND', `No run ${id}; a task's runs are listed with the task.`, {
        run_id: id,
      });
    return run;
  }

  /** A task's latest runs, newest first, as get_task lists them. */
  executionsOf(taskId: number): RunSummary[] {
    return this.services.store.runs.ofTask(taskId, RUN_LIMITS.executionsShown);
  }

  doctor(): OperationOutput<'get_doctor_report'> {
    return doctorReport(this.engine().describeSandbox());
  }

  /**
   * Marks `interrupted` the runs still recorded as running whose process is gone (Orchestron
   * stopped mid-run); returns how many. Runs of live processes (another window, the CLI) stay.
   */
  markInterrupted(): number {
    const { store } = this.services;
    if (store.inTransaction) return 0;
    const gone = store.read(() => store.runs.running()).filter((run) => !isAlive(run.owner_pid));
    const context = makeContext({ actor: 'system:orchestron' });
    for (const run of gone) {
      // a sandbox can outlive a killed owner (killed before it armed die-with-parent)
      if (run.pid !== null) endLeftovers(run.pid, join(this.runsFolder, String(run.id)));
      RunRecorder.interrupt(this.services, run.id, context);
    }
    return gone.length;
  }

  /** Cancels the runs still going; their rows are completed if the store is still open. */
  dispose(): void {
    this.disposed = true;
    for (const handle of this.active.values()) handle.cancel();
    if (this.cancelPoll) clearInterval(this.cancelPoll);
    void this.runner?.dispose();
  }

  private engine(): CodeRunner {
    if (this.disposed)
      throw new AppError(
        'CONFLICT',
        'Orchestron is shutting down; run the code again after it restarts.',
      );
    return (this.runner ??= new CodeRunner());
  }
}

/**
 * Kills what is left of an interrupted run: its first process and everything under it, but only
 * when that process still names the run's folder (a recycled pid belongs to something else).
 */
function endLeftovers(pid: number, runDirectory: string): void {
  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // gone, or not Linux
  }
  if (!commandLine.split('\0').some((word) => word.includes(runDirectory))) return;
  signalEach(runProcesses(pid), 'SIGKILL');
}

function isAlive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
