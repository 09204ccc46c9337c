// Long work done in steps: each step reports progress and stops the call when its signal is
// aborted or its deadline passes. Between steps the event loop gets a turn every few
// milliseconds, so an abort (Ctrl-C, a closed connection) is noticed mid-way and the write it
// runs in is rolled back.
import { AppError } from '../shared/errors.ts';
import type { CallContext } from './call-context.ts';

/** How long work may hold the event loop before yielding a turn, in the asynchronous driver. */
const SLICE_MS = 25;
/** Progress reports at most this often, so a fast loop does not flood the reporter. */
const REPORT_EVERY_MS = 50;

/** A unit of work as a generator: it yields after each step, with how much is done. */
export type Steps<T> = Generator<number, T, void>;

export class Work {
  private readonly context: CallContext;
  private readonly phase: string;
  private total: number;
  private lastReport = 0;
  private sliceStart = performance.now();

  constructor(context: CallContext, phase: string, total: number) {
    this.context = context;
    this.phase = phase;
    this.total = total;
  }

  /** Throws CANCELLED or TIMEOUT when the call should stop; the write then rolls back. */
  check(): void {
    const { signal, deadline } = this.context;
    if (signal.aborted) {
      throw new AppError(
        'CANCELLED',
        `The call was cancelled while ${this.phase}; nothing changed.`,
      );
    }
    if (deadline !== null && Date.now() > deadline) {
      throw new AppError(
        'TIMEOUT',
        `The call ran past its deadline while ${this.phase}; nothing changed. Retry with more time.`,
      );
    }
  }

  report(done: number, total = this.total): void {
    this.total = total;
    const now = performance.now();
    if (done < total && now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    this.context.progress({ phase: this.phase, done, total });
  }

  /** Runs the steps, yielding to the event loop every few milliseconds. */
  async run<T>(steps: Steps<T>): Promise<T> {
    this.sliceStart = performance.now();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      this.report(next.value);
      if (performance.now() - this.sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        this.sliceStart = performance.now();
      }
      this.check();
    }
  }
}
