// Work that outlives the call that started it (a workflow run), hosted by the orchestrator. Its
// steps go back through the orchestrator: `call` runs an operation through the whole pipeline,
// `exclusive` runs a short write when no other call's transaction is open on the connection.
import type { CallOptions } from '../call-context.ts';
import type { OperationName, OperationOutput } from '../../shared/operations/registry.ts';
import { InvariantError } from '../../shared/errors.ts';

export interface BackgroundGate {
  call<N extends OperationName>(
    name: N,
    input: unknown,
    options: CallOptions,
  ): Promise<OperationOutput<N>>;
  exclusive<T>(body: () => T): Promise<T>;
}

/** A job the host can stop when it is disposed: without writing, as if its process had ended. */
export interface BackgroundJob {
  readonly done: Promise<unknown>;
  abandon(): void;
}

export class BackgroundWork {
  private gate: BackgroundGate | null = null;
  private readonly jobs = new Set<BackgroundJob>();
  private readonly disposers: (() => void)[] = [];

  /** Called once by the orchestrator that hosts the work. */
  attach(gate: BackgroundGate): void {
    this.gate = gate;
  }

  private get attached(): BackgroundGate {
    if (!this.gate) throw new InvariantError('background work used before the host attached it');
    return this.gate;
  }

  call<N extends OperationName>(name: N, input: unknown, options: CallOptions) {
    return this.attached.call(name, input, options);
  }

  exclusive<T>(body: () => T): Promise<T> {
    return this.attached.exclusive(body);
  }

  track(job: BackgroundJob): void {
    this.jobs.add(job);
    void job.done.finally(() => this.jobs.delete(job));
  }

  /** Runs `stop` when the host goes away, after the jobs are abandoned. */
  onDispose(stop: () => void): void {
    this.disposers.push(stop);
  }

  get active(): number {
    return this.jobs.size;
  }

  /** Stops every job's processes at once; nothing is written (a later process resumes them). */
  dispose(): void {
    for (const job of this.jobs) job.abandon();
    this.jobs.clear();
    for (const stop of this.disposers) stop();
  }
}
