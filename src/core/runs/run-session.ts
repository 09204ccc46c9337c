// One started run: its terminal, its clock, how it is stopped and how its end is read. The
// terminal's first process leads its own session and group; stopping signals every process the
// run owns (see process-tree.ts), not just the group, and whatever outlives a normal exit is killed.
import { constants } from 'node:os';
import { createRequire } from 'node:module';
import type * as Pty from 'node-pty';
import { OutputPump } from './output-pump.ts';
import { runProcesses, signalEach } from './process-tree.ts';
import type { RunCallbacks, RunHandle, RunResult, RunStatus } from './run-types.ts';
import type { NormalizedRunSpec } from './run-spec.ts';
import type { RunFolder } from './run-folder.ts';
import type { SandboxedCommand } from './sandbox-command.ts';

/** How long a stopped run has to exit on SIGTERM/SIGHUP before SIGKILL. */
export const KILL_GRACE_MS = 2000;
const EOT = '\x04';

function signalName(signal: number): string {
  const found = Object.entries(constants.signals).find(([, value]) => value === signal);
  return found ? found[0] : `signal ${signal}`;
}

interface Ending {
  exitCode: number | null;
  signal: string | null;
}

/**
 * bubblewrap, the terminal's first process, reports a child killed by signal N as exit 128+N (the
 * shell's convention); read it back as the signal, so a run killed inside the sandbox is `killed`.
 */
function readEnding(exitCode: number, signal: number | undefined, inBubblewrap: boolean): Ending {
  if (signal) return { exitCode: null, signal: signalName(signal) };
  if (inBubblewrap && exitCode > 128 && exitCode <= 128 + 64)
    return { exitCode: null, signal: signalName(exitCode - 128) };
  return { exitCode, signal: null };
}

/**
 * node-pty, loaded on the first run: a native addon that every CLI command would otherwise load
 * at start-up, though few of them run code.
 */
let ptyModule: typeof Pty | undefined;
function loadPty(): typeof Pty {
  return (ptyModule ??= createRequire(import.meta.url)('node-pty') as typeof Pty);
}

export function startSession(
  spec: NormalizedRunSpec,
  folder: RunFolder,
  command: SandboxedCommand,
  callbacks: RunCallbacks,
): RunHandle {
  const startedAt = new Date();
  const started = performance.now();
  // the pump (and its log file) exists before the process, so a failure here leaves nothing running
  let terminal: Pty.IPty | undefined = undefined;
  const pump = new OutputPump({
    headBytes: spec.headBytes,
    tailBytes: spec.tailBytes,
    logPath: folder.logPath,
    logBytes: spec.logBytes,
    onOutput: callbacks.onOutput,
    pause: () => terminal?.pause(),
    resume: () => terminal?.resume(),
  });
  const spawned = loadPty().spawn(command.file, command.args, {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    cwd: command.cwd,
    env: command.env,
    encoding: null,
  });
  terminal = spawned;
  const leader = spawned.pid;
  let stopReason: 'cancelled' | 'timed_out' | null = null;
  let ended = false;
  let lastInput = '\n';
  let killTimer: NodeJS.Timeout | undefined;

  const stop = (reason: 'cancelled' | 'timed_out') => {
    if (ended || stopReason) return;
    stopReason = reason;
    const pids = runProcesses(leader);
    signalEach(pids, 'SIGHUP'); // a shell on a terminal ignores TERM but not HUP
    signalEach(pids, 'SIGTERM');
    killTimer = setTimeout(
      () => signalEach([...pids, ...runProcesses(leader)], 'SIGKILL'),
      KILL_GRACE_MS,
    );
  };
  const timeout = setTimeout(() => stop('timed_out'), spec.timeoutSeconds * 1000);

  // the exact bytes: node-pty hands out Buffers when it decodes nothing
  spawned.onData((data: string | Buffer) =>
    pump.push(Buffer.isBuffer(data) ? data : Buffer.from(data)),
  );

  const done = new Promise<RunResult>((resolve) => {
    spawned.onExit(({ exitCode, signal }) => {
      ended = true;
      clearTimeout(timeout);
      clearTimeout(killTimer);
      // background jobs the program left behind end with it
      signalEach(runProcesses(leader), 'SIGKILL');
      const durationMs = Math.round(performance.now() - started);
      const ending = readEnding(exitCode, signal, command.description.kind === 'bubblewrap');
      const settle = () => {
        const status: RunStatus =
          stopReason ?? (ending.signal ? 'killed' : ending.exitCode === 0 ? 'succeeded' : 'failed');
        resolve({
          language: spec.language,
          sandbox: command.description,
          status,
          ...ending,
          durationMs,
          ...pump.capture.result(),
          logPath: folder.logPath,
          logTruncated: pump.logTruncated,
          startedAt: startedAt.toISOString(),
          endedAt: new Date().toISOString(),
        });
      };
      // a log that cannot be written still leaves the capture to report
      pump.finish().then(settle, settle);
    });
  });

  const handle: RunHandle = {
    write(input: string) {
      if (ended || input === '') return;
      lastInput = input;
      spawned.write(input);
    },
    endInput() {
      if (ended) return;
      // the terminal ends input on Ctrl-D at the start of a line; mid-line it first sends the line
      spawned.write(lastInput.endsWith('\n') ? EOT : EOT + EOT);
      lastInput = '\n';
    },
    cancel: () => stop('cancelled'),
    done,
  };
  callbacks.onStart?.({ pid: leader, sandbox: command.description });
  if (spec.stdin !== undefined) {
    handle.write(spec.stdin);
    handle.endInput();
  }
  return handle;
}
