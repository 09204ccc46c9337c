// Carries a run's output from the terminal to its three destinations: the head/tail capture, the
// log file (bounded) and the live consumer (batched every ~16 ms). A slow consumer or a slow disk
// pauses the terminal, so the program blocks on write instead of memory growing.
import { createWriteStream, type WriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { OutputCapture } from './output-capture.ts';

/** One frame at 60 Hz: often enough to look live, rarely enough to cost nothing. */
const BATCH_MS = 16;
/** Undelivered bytes that pause the terminal, and the level at which it resumes. */
const PAUSE_AT = 1024 * 1024;
const RESUME_AT = 128 * 1024;

export interface PumpOptions {
  headBytes: number;
  tailBytes: number;
  logPath: string;
  logBytes: number;
  onOutput: ((chunk: string) => void | Promise<void>) | undefined;
  pause: () => void;
  resume: () => void;
}

export class OutputPump {
  readonly capture: OutputCapture;
  private readonly log: WriteStream;
  private logged = 0;
  private logFull = false;
  private logBackedUp = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private delivering = false;
  private consumerFailed = false;
  private timer: NodeJS.Timeout | null = null;
  private paused = false;
  private readonly decoder = new StringDecoder('utf8');
  private drained: (() => void) | null = null;
  private readonly options: PumpOptions;

  constructor(options: PumpOptions) {
    this.options = options;
    this.capture = new OutputCapture(options.headBytes, options.tailBytes);
    // 'wx': the log is new; a file already there would mean two runs share a folder
    this.log = createWriteStream(options.logPath, { flags: 'wx' });
    this.log.on('drain', () => {
      this.logBackedUp = false;
      this.updateFlow();
    });
  }

  get logTruncated(): boolean {
    return this.logFull;
  }

  push(chunk: Buffer): void {
    this.capture.add(chunk);
    this.writeLog(chunk);
    if (this.options.onOutput && !this.consumerFailed) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
    }
    this.updateFlow();
  }

  private writeLog(chunk: Buffer): void {
    if (this.logFull) return;
    const room = this.options.logBytes - this.logged;
    const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.logged += part.length;
    if (part.length > 0 && !this.log.write(part)) this.logBackedUp = true;
    if (part.length < chunk.length) {
      this.logFull = true;
      this.log.write(`\n[orchestron: log stopped after ${this.options.logBytes} bytes]\n`);
    }
  }

  private updateFlow(): void {
    const backedUp = this.logBackedUp || this.pendingBytes > PAUSE_AT;
    if (backedUp && !this.paused) {
      this.paused = true;
      this.options.pause();
    } else if (!backedUp && this.paused && this.pendingBytes <= RESUME_AT) {
      this.paused = false;
      this.options.resume();
    }
  }

  private flush(): void {
    this.timer = null;
    if (this.delivering || this.pending.length === 0) return this.settle();
    const text = this.decoder.write(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    this.deliver(text);
  }

  private deliver(text: string): void {
    if (text === '' || this.consumerFailed) return this.settle();
    let outcome: void | Promise<void>;
    try {
      outcome = this.options.onOutput!(text);
    } catch {
      return this.stopDelivering();
    }
    if (!(outcome instanceof Promise)) return this.settle();
    this.delivering = true;
    outcome.then(
      () => {
        this.delivering = false;
        if (this.pending.length > 0) this.flush();
        else this.settle();
      },
      () => this.stopDelivering(),
    );
  }

  /** A consumer that throws gets no more output; the capture and the log go on. */
  private stopDelivering(): void {
    this.consumerFailed = true;
    this.delivering = false;
    this.pending = [];
    this.pendingBytes = 0;
    this.settle();
  }

  private settle(): void {
    this.updateFlow();
    if (!this.delivering && this.pending.length === 0 && this.drained) this.drained();
  }

  /** Delivers what is left (with any character cut short as U+FFFD) and closes the log. */
  async finish(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.options.onOutput && !this.consumerFailed) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        this.flush();
      });
      const last = this.decoder.end();
      if (last)
        await new Promise<void>((resolve) => {
          this.drained = resolve;
          this.deliver(last);
        });
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}
