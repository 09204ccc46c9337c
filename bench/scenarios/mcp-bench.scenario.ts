// Agents over MCP, timed as a client sees them: on a 5,000-task project, ping, get_task and
// claim_next_task over the socket, through the `orchestron mcp` bridge (piping to the socket, and
// hosting the core itself) and over HTTP; then 20 client processes claiming at once over the
// socket. This process serves (core + endpoint, as `orchestron serve` does); every client is a
// separate process, so client work never shares the server's thread.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { startMcpHttpEndpoint } from '../../src/host/mcp/http-endpoint.ts';
import { readToken } from '../../src/host/mcp/mcp-token.ts';
import { startSocketEndpoint } from '../../src/host/mcp/socket-endpoint.ts';
import { socketPathFor } from '../../src/host/mcp/socket-path.ts';
import { Prng } from '../prng.ts';
import { measure, summarize } from '../timing.ts';
import { progress } from './bench-context.ts';
import { describeCliLoading } from './cli-loading.ts';
import { buildMcpProject, copyProject, type McpProject } from './mcp-project.ts';
import type {
  McpClaimsWorkerResult,
  McpClientJob,
  McpConcurrentClaims,
  McpConnectTarget,
  McpCoreBaseline,
  McpLatency,
  McpResult,
  McpTransport,
} from './mcp-results.ts';

const WORKER = fileURLToPath(new URL('./mcp-client-worker.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/orchestron.mjs', import.meta.url));

export const MCP_PROJECT_SIZE = 5_000;
export const MCP_DEFAULT_ROUNDS = 1_000;
const WARMUP = 50;
const CONCURRENT_CLIENTS = 20;
const CLAIMS_PER_CLIENT = 50;
const AGENT = { caller: { kind: 'agent', name: 'bench-core', session: 'bench' } } as const;

interface WorkerReply<T> {
  ok: boolean;
  result?: T;
  error?: string;
}

/** Client workers still running, ended if the bench gives up on them. */
const running = new Set<ChildProcess>();

function stopClients(): void {
  for (const child of running) child.kill();
}

/** Forks a client worker with `job`; `onReady` hears its "ready" (claims mode). */
function runClient<T>(job: McpClientJob, onReady?: (go: () => void) => void): Promise<T> {
  return new Promise((resolveRun, reject) => {
    const child = fork(WORKER, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    running.add(child);
    let reply: WorkerReply<T> | undefined;
    child.on('message', (message) => {
      if (message === 'ready') onReady?.(() => child.send('go'));
      else reply = message as WorkerReply<T>;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (reply?.ok) resolveRun(reply.result!);
      else
        reject(
          new Error(reply?.error ?? `An MCP client worker ended (${signal ?? `exit ${code}`}).`),
        );
    });
    child.send(job);
  });
}

/** A served copy of the project: its core and socket (and HTTP, when asked). */
async function serve(project: McpProject, directory: string, name: string, http: boolean) {
  const databasePath = copyProject(project, join(directory, `${name}.db`));
  const dataDir = join(directory, `${name}-data`);
  const core = new Orchestrator({ databasePath });
  const socket = await startSocketEndpoint(core, {
    databasePath,
    path: socketPathFor(databasePath, { dataDir }),
    log: (text) => process.stderr.write(`  mcp socket: ${text}\n`),
  });
  const web = http
    ? await startMcpHttpEndpoint({ orchestrator: core, databasePath, port: 0 })
    : null;
  return {
    databasePath,
    dataDir,
    socket,
    /** How the agent's sessions came in, as recorded: socket, stdio (a bridge serving alone), … */
    transportsOf(agent: string): (string | null)[] {
      const rows = core.store.db
        .prepare('SELECT transport FROM sessions WHERE agent = ? ORDER BY started_at')
        .all(agent) as { transport: string | null }[];
      return rows.map((row) => row.transport);
    },
    http: web,
    async close() {
      await web?.close();
      await socket.close();
      core.dispose();
    },
  };
}

async function coreBaseline(
  project: McpProject,
  directory: string,
  rounds: number,
): Promise<McpCoreBaseline> {
  progress('MCP: the same calls through Orchestrator.call, as a baseline');
  const core = new Orchestrator({
    databasePath: copyProject(project, join(directory, 'baseline.db')),
  });
  try {
    const rng = new Prng(0x6d6370);
    const options = { warmup: WARMUP, iterations: rounds };
    const getTask = await measure(
      () => core.call('get_task', { task_id: rng.int(1, project.taskCount) }, AGENT),
      options,
    );
    const claimNext = await measure(() => core.call('claim_next_task', {}, AGENT), options);
    return { getTask, claimNext };
  } finally {
    core.dispose();
  }
}

async function latencyOver(
  transport: McpTransport,
  project: McpProject,
  directory: string,
  rounds: number,
): Promise<McpLatency> {
  progress(`MCP: ${rounds} × (ping, get_task, claim_next_task) over ${transport}`);
  const served = await serve(project, directory, transport, transport === 'http');
  try {
    const cwd = join(directory, 'elsewhere');
    mkdirSync(cwd, { recursive: true });
    const bridge = (dataDir: string): McpConnectTarget => ({
      kind: 'bridge',
      bin: BIN,
      databasePath: served.databasePath,
      dataDir,
      cwd,
    });
    const connect: McpConnectTarget =
      transport === 'socket'
        ? { kind: 'socket', path: served.socket.path }
        : transport === 'http'
          ? { kind: 'http', url: served.http!.url, token: readToken(served.http!.tokenPath)! }
          : transport === 'bridge-piped'
            ? bridge(served.dataDir)
            : // no socket under this data folder: the bridge opens the database itself
              bridge(join(directory, 'no-core-here'));
    const result = await runClient<McpLatency>({
      mode: 'latency',
      transport,
      connect,
      rounds,
      warmup: WARMUP,
      taskCount: project.taskCount,
      sizes: transport === 'socket',
    });
    // a bridge that missed the socket would serve in-process, silently: check which one it was
    const expected: Partial<Record<McpTransport, string>> = {
      'bridge-piped': 'socket',
      'bridge-in-process': 'stdio',
    };
    const wanted = expected[transport];
    const seen = served.transportsOf('bench-agent');
    if (wanted && (seen.length !== 1 || seen[0] !== wanted))
      throw new Error(
        `the ${transport} run's session came in over ${seen.join(', ') || 'nothing'}, not ${wanted}`,
      );
    return result;
  } finally {
    await served.close();
  }
}

async function concurrentClaims(
  project: McpProject,
  directory: string,
): Promise<McpConcurrentClaims> {
  progress(
    `MCP: ${CONCURRENT_CLIENTS} client processes × ${CLAIMS_PER_CLIENT} claim_next_task over the socket`,
  );
  const served = await serve(project, directory, 'concurrent', false);
  try {
    const starters: (() => void)[] = [];
    let allReady!: () => void;
    const ready = new Promise<void>((resolveReady) => (allReady = resolveReady));
    const runs = Array.from({ length: CONCURRENT_CLIENTS }, (_, index) =>
      runClient<McpClaimsWorkerResult>(
        {
          mode: 'claims',
          connect: { kind: 'socket', path: served.socket.path },
          claims: CLAIMS_PER_CLIENT,
          agent: `bench-claimer-${index}`,
        },
        (go) => {
          starters.push(go);
          if (starters.length === CONCURRENT_CLIENTS) allReady();
        },
      ),
    );
    let results: McpClaimsWorkerResult[];
    try {
      await Promise.race([ready, Promise.all(runs)]);
      for (const go of starters) go();
      results = await Promise.all(runs);
    } catch (error) {
      stopClients();
      throw error;
    }
    const claimed = results.flatMap((result) => result.claimed);
    const wallMs =
      Math.max(...results.map((result) => result.endedAt)) -
      Math.min(...results.map((result) => result.startedAt));
    const distinctTasks = new Set(claimed).size;
    return {
      clients: CONCURRENT_CLIENTS,
      claimsPerClient: CLAIMS_PER_CLIENT,
      claims: claimed.length,
      distinctTasks,
      duplicates: claimed.length - distinctTasks,
      failures: results.flatMap((result) => result.failures).slice(0, 5),
      wallMs,
      perSecond: (claimed.length / wallMs) * 1000,
      latency: summarize(results.flatMap((result) => result.latencies)),
    };
  } finally {
    await served.close();
  }
}

export interface McpBenchOptions {
  /** Timed calls of each kind per transport. */
  rounds?: number;
}

export async function runMcpBench(options: McpBenchOptions = {}): Promise<McpResult> {
  const rounds = options.rounds ?? MCP_DEFAULT_ROUNDS;
  const directory = mkdtempSync(join(tmpdir(), 'orchestron-mcp-bench-'));
  const problems: string[] = [];
  try {
    // every timed claim takes a fresh task, on every transport and in the concurrent run
    const ready = Math.max(rounds + WARMUP, CONCURRENT_CLIENTS * CLAIMS_PER_CLIENT) + 100;
    const project = await buildMcpProject(join(directory, 'template.db'), MCP_PROJECT_SIZE, ready);
    const baseline = await coreBaseline(project, directory, rounds);
    const latency: McpLatency[] = [];
    for (const transport of ['socket', 'bridge-piped', 'bridge-in-process', 'http'] as const) {
      try {
        latency.push(await latencyOver(transport, project, directory, rounds));
      } catch (error) {
        problems.push(`${transport}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    let concurrent: McpConcurrentClaims | null = null;
    try {
      concurrent = await concurrentClaims(project, directory);
    } catch (error) {
      problems.push(`concurrent claims: ${(error as Error).message.split('\n')[0]}`);
    }
    return {
      taskCount: project.taskCount,
      readyCount: project.readyCount,
      unblocked: project.unblocked,
      rounds,
      warmup: WARMUP,
      baseline,
      latency,
      concurrent,
      bridgeLoading: describeCliLoading(),
      problems,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
