// What the runner and executor bench measures and hands to the report (plain JSON).
import type { Language, SandboxKind } from '../../src/core/runs/run-types.ts';
import type { Stats } from '../timing.ts';

/** How a trivial run was started: the recorded path an agent uses, or the engine alone. */
export type RunPath = 'execute_code' | 'CodeRunner';

export interface RunLatency {
  language: Language;
  path: RunPath;
  sandbox: SandboxKind;
  stats: Stats;
}

/** The same program as a trivial run, started without any sandbox. */
export interface BareSpawn {
  language: Language;
  /** child_process.spawnSync of the runtime, the source file as the run writes it. */
  spawnSync: Stats;
  /** The same under node-pty (a terminal, no sandbox), as the runner starts programs. */
  pty: Stats;
}

export interface ExecutorRow {
  concurrency: number;
  tasks: number;
  wallMs: number;
  /** Tasks the run completed (verified), of `tasks`. */
  done: number;
  status: string;
}

export interface FloodRow {
  label: string;
  sandbox: SandboxKind;
  /** Bytes the program printed, as the terminal delivered them (its \n become \r\n). */
  totalBytes: number;
  /** Bytes the live consumer (onOutput / the call's output) received. */
  deliveredBytes: number;
  durationMs: number;
  /** run.output events a subscriber received, their text and what they report as left out. */
  events: { count: number; textBytes: number; droppedBytes: number; duringRun: number } | null;
  /** The largest gap between 5 ms timer ticks while the flood ran, and the 99th percentile. */
  loopGapMs: { max: number; p99: number };
  /** get_project calls made every 50 ms during the flood: how many, and their latency. */
  probe: { calls: number; stats: Stats } | null;
  /** Peak RSS of this process during the flood, over its RSS just before it. */
  rssGrowthBytes: number;
  status: string;
}

export interface RunsResult {
  /** What the machine offers (bubblewrap works here or not). */
  sandboxes: SandboxKind[];
  trials: number;
  latency: RunLatency[];
  bare: BareSpawn[];
  executor: ExecutorRow[];
  executorTasks: number;
  flood: FloodRow[];
  floodBytes: number;
  problems: string[];
}
