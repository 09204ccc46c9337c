// What the MCP bench measures and hands to the report (plain JSON: it crosses IPC).
import type { Stats } from '../timing.ts';

export type McpTransport = 'socket' | 'bridge-piped' | 'bridge-in-process' | 'http';

/** What the parent tells a client worker to do. */
export type McpClientJob =
  | {
      mode: 'latency';
      transport: McpTransport;
      connect: McpConnectTarget;
      /** Timed rounds of ping, get_task, claim_next_task; and untimed ones before them. */
      rounds: number;
      warmup: number;
      taskCount: number;
      /** Also measure tools/list and typical responses (the bytes are the same on every transport). */
      sizes: boolean;
    }
  | { mode: 'claims'; connect: McpConnectTarget; claims: number; agent: string };

export type McpConnectTarget =
  | { kind: 'socket'; path: string }
  | { kind: 'bridge'; bin: string; databasePath: string; dataDir: string; cwd: string }
  | { kind: 'http'; url: string; token: string };

export interface McpSizes {
  toolsListDefault: { bytes: number; tools: number };
  toolsListAll: { bytes: number; tools: number };
  /** JSON-RPC response bytes of one call, by label. */
  responses: { label: string; bytes: number }[];
}

export interface McpLatency {
  transport: McpTransport;
  connectMs: number;
  /** Pings interleaved with the tool calls (the reference): each round is ping, get_task, claim. */
  ping: Stats;
  /** Pings back to back after the rounds. */
  pingInRow: Stats;
  getTask: Stats;
  claimNext: Stats;
  /** Timed claims that got no task (the ready set ran out) or failed. */
  emptyClaims: number;
  sizes?: McpSizes;
}

export interface McpClaimsWorkerResult {
  claimed: number[];
  latencies: number[];
  /** Epoch milliseconds (sub-millisecond) of the first claim's start and the last one's end. */
  startedAt: number;
  endedAt: number;
  failures: string[];
}

export interface McpConcurrentClaims {
  clients: number;
  claimsPerClient: number;
  claims: number;
  /** Claims that took a task; a task taken twice would show as duplicates > 0. */
  distinctTasks: number;
  duplicates: number;
  failures: string[];
  wallMs: number;
  perSecond: number;
  latency: Stats;
}

/** The same work through Orchestrator.call in the serving process, without MCP. */
export interface McpCoreBaseline {
  getTask: Stats;
  claimNext: Stats;
}

export interface McpResult {
  taskCount: number;
  readyCount: number;
  unblocked: number;
  rounds: number;
  warmup: number;
  baseline: McpCoreBaseline;
  latency: McpLatency[];
  concurrent: McpConcurrentClaims | null;
  /** Whether the bridge ran from the CLI bundle or the sources. */
  bridgeLoading: string;
  problems: string[];
}
