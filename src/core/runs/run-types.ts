// The shapes the runner engine takes and gives back: what to run (RunSpec), how to watch it
// (RunCallbacks), the live handle and the final RunResult. Plain data, so the persistence layer
// can store a spec and a result as JSON.

export const LANGUAGES = ['python', 'javascript', 'typescript', 'bash', 'sql'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `auto` picks bubblewrap when it works here, else rlimits; the others force one kind. */
export const SANDBOX_CHOICES = ['auto', 'bubblewrap', 'rlimits'] as const;
export type SandboxChoice = (typeof SANDBOX_CHOICES)[number];
export type SandboxKind = Exclude<SandboxChoice, 'auto'>;

export interface RunSpec {
  language: Language;
  code: string;
  /**
   * Absolute folder for this run, created by the engine (it must not exist yet, or be empty).
   * It holds output.log (written by the engine only) and work/, the one folder the code may
   * write: its home, its temporary folder and, without a working_directory, its current folder.
   */
  runDirectory: string;
  /** Whole seconds, 1..3600; default 30. */
  timeoutSeconds?: number;
  /** Megabytes, 16..65536; default 512. Address space for python/bash/sql, V8 heap for node. */
  memoryMb?: number;
  /** Most processes and threads the code may run at once; default 256. */
  maxProcesses?: number;
  /** Largest file the code may write, in megabytes; default 1024. */
  maxFileMb?: number;
  /** Output bytes kept from the start and from the end; default 1 MiB each. */
  headBytes?: number;
  tailBytes?: number;
  /** output.log stops growing past this many bytes (a flood must not fill the disk); default 64 MiB. */
  logBytes?: number;
  /** Current folder of the code: inside projectRoot, no `..`; made writable for the run. */
  workingDirectory?: string;
  projectRoot?: string;
  /** Typed into the terminal at start, followed by end-of-input. */
  stdin?: string;
  /** sql only: a database file the code runs against, as a read-only copy. */
  database?: string;
  /**
   * The caller has already filled work/ (packages installed before the run): the run folder may
   * then hold work/ and nothing else.
   */
  preparedWork?: boolean;
  sandbox?: SandboxChoice;
}

export interface SandboxDescription {
  kind: SandboxKind;
  /** What this sandbox holds the code to, each a short sentence. */
  guarantees: string[];
  /** What it does not, so nobody reads more into `kind` than is there. */
  gaps: string[];
  /** The user id the code runs as. */
  uid: number;
}

export type RunStatus = 'succeeded' | 'failed' | 'timed_out' | 'cancelled' | 'killed';

export interface RunResult {
  language: Language;
  sandbox: SandboxDescription;
  status: RunStatus;
  /** Set when the program exited; null when a signal ended it. */
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** The first headBytes and the last tailBytes of the output, decoded as UTF-8 (U+FFFD for bad bytes). */
  head: string;
  tail: string;
  /** Every byte the terminal produced, counted exactly, kept or not. */
  totalBytes: number;
  /** True when head and tail do not together hold the whole output. */
  truncated: boolean;
  logPath: string;
  logTruncated: boolean;
  startedAt: string;
  endedAt: string;
}

export interface RunCallbacks {
  /**
   * Output batched every ~16 ms, decoded as UTF-8. Return a promise to slow the run down: while
   * it is pending, output gathers up to a bound, then the terminal is paused.
   */
  onOutput?: (chunk: string) => void | Promise<void>;
  /** Called once the process has started, with what runs it. */
  onStart?: (info: { pid: number; sandbox: SandboxDescription }) => void;
}

export interface RunHandle {
  /** Types into the running program's terminal (the terminal echoes it into the output). */
  write(input: string): void;
  /** Ends the program's input (Ctrl-D), as a closed stdin. */
  endInput(): void;
  /** Stops the run: SIGHUP and SIGTERM to all its processes, SIGKILL after 2 s. */
  cancel(): void;
  readonly done: Promise<RunResult>;
}
