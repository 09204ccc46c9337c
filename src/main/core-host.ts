// Runs the core in an Electron utilityProcess, off the UI thread, and keeps it running: an
// unexpected exit restarts it after a growing pause (core-supervision.ts) and the window is told
// meanwhile; each (re)start hands the window a fresh MessagePort straight to the core.
import {
  MessageChannelMain,
  utilityProcess,
  type UtilityProcess,
  type WebContents,
} from 'electron';
import {
  readCoreMessage,
  type CoreToMain,
  type MainToCore,
} from '../host/desktop/core-messages.ts';
import type { CoreStatus } from '../shared/desktop/desktop-bridge.ts';
import { IPC_CHANNELS } from '../shared/desktop/desktop-bridge.ts';
import { afterCoreExit } from './core-supervision.ts';

/** After a shutdown request the core gets this long to close the database before it is killed. */
const SHUTDOWN_GRACE_MS = 3_000;

export interface CoreHostOptions {
  entryPath: string;
  onStatus(status: CoreStatus): void;
  onMessage(message: CoreToMain): void;
}

export class CoreHost {
  private child: UtilityProcess | null = null;
  private crashes: number[] = [];
  private generation = 0;
  private lastError: string | undefined;
  private stopping = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly windows = new Set<WebContents>();
  private readonly options: CoreHostOptions;

  constructor(options: CoreHostOptions) {
    this.options = options;
  }

  start(): void {
    const child = utilityProcess.fork(this.options.entryPath, [], {
      serviceName: 'Orchestron core',
      stdio: ['ignore', 'inherit', 'pipe'],
      env: process.env,
    });
    this.child = child;
    this.lastError = undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      const lines = chunk.toString('utf8').trim().split('\n');
      this.lastError = lines.at(-1)?.slice(0, 300) || this.lastError;
    });
    child.on('message', (data: unknown) => this.receive(data));
    child.once('exit', (code) => this.exited(child, code));
  }

  /** Gives this window a fresh port after every restart, until it is destroyed (its page asks for the first). */
  attach(contents: WebContents): void {
    this.windows.add(contents);
    contents.once('destroyed', () => this.windows.delete(contents));
  }

  /** Hands one window a fresh port (also when its page reloads and asks again). */
  connect(contents: WebContents): void {
    const child = this.child;
    if (!child || contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    this.generation += 1;
    const message: MainToCore = { type: 'connect', generation: this.generation };
    child.postMessage(message, [port1]);
    contents.postMessage(IPC_CHANNELS.corePort, { generation: this.generation }, [port2]);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolveStopped) => {
      const killer = setTimeout(() => child.kill(), SHUTDOWN_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(killer);
        resolveStopped();
      });
      child.postMessage({ type: 'shutdown' } satisfies MainToCore);
    });
  }

  private receive(data: unknown): void {
    const message = readCoreMessage(data);
    if (!message) return;
    if (message.type === 'ready') this.options.onStatus({ state: 'running' });
    if (message.type === 'fatal') this.lastError = message.message;
    this.options.onMessage(message);
  }

  private exited(child: UtilityProcess, code: number): void {
    if (this.child === child) this.child = null;
    if (this.stopping) return;
    const decision = afterCoreExit(
      { code, at: Date.now(), lastError: this.lastError },
      this.crashes,
    );
    this.crashes = decision.crashes;
    this.options.onStatus(decision.status);
    if (decision.action === 'give-up') return;
    this.restartTimer = setTimeout(() => {
      this.start();
      for (const contents of this.windows) this.connect(contents);
    }, decision.delayMs);
  }
}
