// The record of one run as it happens: the `running` row and its events, the live output turned
// into bounded run.output events (output-events.ts), and the ending. Every write is one short
// transaction made when the shared connection is free (idle-writes.ts), never a long one.
import type { CallContext } from '../call-context.ts';
import type { RunAt } from '../events/emit.ts';
import type { FeatureServices } from '../handlers.ts';
import { writeWhenIdle } from './idle-writes.ts';
import { OutputEvents } from './output-events.ts';
import type { PreparedRun } from './run-preparation.ts';
import type { PackageSetup, RunEnding, RunRecord, RunSandbox } from './run-records.ts';
import type { RunResult } from './run-types.ts';

/** How soon output waiting for the shared connection is tried again. */
const RETRY_MS = 5;

export class RunRecorder {
  readonly id: number;
  private readonly services: FeatureServices;
  private readonly context: CallContext;
  private readonly at: RunAt;
  private readonly events = new OutputEvents();
  private readonly startedAt: string;
  private readonly language: string;
  private startWritten = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    services: FeatureServices,
    context: CallContext,
    id: number,
    at: RunAt,
    startedAt: string,
    language: string,
  ) {
    this.services = services;
    this.context = context;
    this.id = id;
    this.at = at;
    this.startedAt = startedAt;
    this.language = language;
  }

  /** Writes the `running` row, before anything is installed or started. */
  static async open(
    services: FeatureServices,
    prepared: PreparedRun,
    context: CallContext,
  ): Promise<RunRecorder> {
    const startedAt = services.clock.now();
    const id = await writeWhenIdle(services.store, () =>
      services.store.runs.insert({
        ...prepared.row,
        started_at: startedAt,
        created_by: context.actor,
        owner_pid: process.pid,
      }),
    );
    const at = { project_id: prepared.row.project_id, task_id: prepared.row.task_id };
    return new RunRecorder(services, context, id, at, startedAt, prepared.row.language);
  }

  /** Marks a run of a process that is gone as interrupted, with its run.finished event. */
  static interrupt(services: FeatureServices, id: number, context: CallContext): void {
    const { store, emit, clock } = services;
    store.write(() => {
      const run = store.runs.get(id);
      if (!run || run.status !== 'running') return;
      const ending = emptyEnding('interrupted', clock.now());
      store.runs.finish(id, ending);
      emit.runFinished(
        context,
        { project_id: run.project_id, task_id: run.task_id },
        {
          ...finishedFacts(id, ending),
        },
      );
    });
  }

  recordSetup(setup: PackageSetup): Promise<void> {
    return this.write(() => this.services.store.runs.setup(this.id, setup));
  }

  /** The code started (called synchronously by the engine): its sandbox and run.started. */
  started(sandbox: RunSandbox, logPath: string, pid: number): void {
    void this.write(() => {
      this.services.store.runs.started(this.id, sandbox, logPath, pid);
      this.services.emit.runStarted(this.context, this.at, {
        run_id: this.id,
        language: this.language,
        sandbox_kind: sandbox.kind,
        started_at: this.startedAt,
      });
    })
      .then(() => {
        this.startWritten = true;
        this.schedule();
      })
      .catch(() => undefined);
  }

  output(chunk: string): void {
    this.events.add(chunk);
    this.schedule();
  }

  /** The run ended: the rest of its output events, its row completed and run.finished. */
  async finish(result: RunResult): Promise<RunRecord> {
    this.stopTimer();
    while (!this.startWritten && this.services.store.db.open) await sleep(RETRY_MS);
    this.closed = true;
    const ending: RunEnding = {
      status: result.status,
      exit_code: result.exitCode,
      signal: result.signal,
      duration_ms: result.durationMs,
      finished_at: this.services.clock.now(),
      head: result.head,
      tail: result.tail,
      total_bytes: result.totalBytes,
      truncated: result.truncated,
    };
    await this.write(() => {
      for (let piece = this.events.take(true); piece; piece = this.events.take(true))
        this.services.emit.runOutput(this.context, this.at, { run_id: this.id, ...piece });
      this.end(ending);
    });
    return this.read();
  }

  /** The code never ran: its packages could not be installed, or the call was cancelled first. */
  async endWithoutRun(status: 'setup_failed' | 'cancelled'): Promise<RunRecord> {
    this.closed = true;
    await this.write(() => this.end(emptyEnding(status, this.services.clock.now())));
    return this.read();
  }

  /** The engine refused the run after the row was written: the row goes, as if never made. */
  async discard(): Promise<void> {
    this.closed = true;
    this.stopTimer();
    await this.write(() => this.services.store.runs.remove(this.id));
  }

  private end(ending: RunEnding): void {
    if (this.services.store.runs.finish(this.id, ending))
      this.services.emit.runFinished(this.context, this.at, finishedFacts(this.id, ending));
  }

  private read(): RunRecord {
    const { store } = this.services;
    return store.read(() => store.runs.get(this.id)!);
  }

  /** Writes the next output event when the rate allows, while the run goes on. */
  private schedule(): void {
    if (this.timer || this.closed || !this.startWritten) return;
    const wait = this.events.waitMs();
    if (wait === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed || !this.services.store.db.open) return;
      if (this.services.store.inTransaction) return this.retry();
      const piece = this.events.take();
      if (piece)
        this.services.store.write(() =>
          this.services.emit.runOutput(this.context, this.at, { run_id: this.id, ...piece }),
        );
      this.schedule();
    }, wait);
  }

  private retry(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, RETRY_MS);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A short write when the connection is free; skipped once the store has closed (shutdown). */
  private async write(body: () => void): Promise<void> {
    if (!this.services.store.db.open) return;
    await writeWhenIdle(this.services.store, body);
  }
}

function emptyEnding(status: RunEnding['status'], now: string): RunEnding {
  return {
    status,
    exit_code: null,
    signal: null,
    duration_ms: null,
    finished_at: now,
    head: '',
    tail: '',
    total_bytes: 0,
    truncated: false,
  };
}

function finishedFacts(id: number, ending: RunEnding) {
  return {
    run_id: id,
    status: ending.status,
    exit_code: ending.exit_code,
    signal: ending.signal,
    duration_ms: ending.duration_ms,
    total_bytes: ending.total_bytes,
    truncated: ending.truncated,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
