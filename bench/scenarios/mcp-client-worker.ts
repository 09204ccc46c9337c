// A client process of the MCP bench, forked by mcp.scenario.ts so the client's work never shares
// a thread with the server it measures. It connects with the official v2 client over the socket,
// through a real `orchestron mcp` bridge process, or over HTTP, then either:
//   latency  rounds of ping, get_task (a seeded random id), claim_next_task, each timed on its
//            own, after untimed warm-up rounds; optionally the bytes of tools/list and of typical
//            responses;
//   claims   connects, says ready, waits for "go", then claims as fast as it can.
// Results go back over IPC.
import { performance } from 'node:perf_hooks';
import {
  Client,
  StreamableHTTPClientTransport,
  type Transport,
} from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { helloLine } from '../../src/host/mcp/connection-hello.ts';
import { SocketClientTransport } from '../../test/host/mcp/socket-transport.ts';
import { Prng } from '../prng.ts';
import { summarize } from '../timing.ts';
import type {
  McpClaimsWorkerResult,
  McpClientJob,
  McpConnectTarget,
  McpLatency,
  McpSizes,
} from './mcp-results.ts';

/** Counts the bytes of every JSON-RPC message received while `capturing` (off while timing). */
class ReceivedBytes {
  capturing = false;
  last = 0;

  watch(transport: Transport): void {
    let handler: Transport['onmessage'];
    Object.defineProperty(transport, 'onmessage', {
      configurable: true,
      get: () => handler,
      set: (next: Transport['onmessage']) => {
        handler =
          next &&
          ((message, extra) => {
            if (this.capturing) this.last = Buffer.byteLength(JSON.stringify(message));
            next(message, extra);
          });
      },
    });
  }
}

function transportFor(target: McpConnectTarget, opening?: string): Transport {
  if (target.kind === 'socket') return new SocketClientTransport(target.path, opening);
  if (target.kind === 'http')
    return new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: {
        headers: { Authorization: `Bearer ${target.token}`, 'X-Orchestron-Agent': 'bench-http' },
      },
    });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ORCHESTRON_HOME: target.dataDir,
  };
  delete env['ORCHESTRON_PROJECT'];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [target.bin, 'mcp', '--db', target.databasePath],
    cwd: target.cwd,
    env,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return transport;
}

async function connect(
  target: McpConnectTarget,
  name: string,
  bytes?: ReceivedBytes,
  opening?: string,
): Promise<Client> {
  const transport = transportFor(target, opening);
  bytes?.watch(transport);
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(transport);
  return client;
}

type ToolResult = Awaited<ReturnType<Client['callTool']>>;

function checked(result: ToolResult, what: string): ToolResult {
  if (result.isError) {
    const content = result.content as { type: string; text?: string }[];
    throw new Error(`${what} failed: ${content[0]?.text ?? JSON.stringify(result)}`);
  }
  return result;
}

function claimedId(result: ToolResult): number | null {
  const output = result.structuredContent as { task: { id: number } | null } | undefined;
  return result.isError ? null : (output?.task?.id ?? null);
}

async function timed<T>(samples: number[], body: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await body();
  samples.push(performance.now() - start);
  return value;
}

async function measureSizes(
  client: Client,
  bytes: ReceivedBytes,
  job: Extract<McpClientJob, { mode: 'latency' }>,
): Promise<McpSizes> {
  if (job.connect.kind !== 'socket') throw new Error('sizes are measured over the socket');
  bytes.capturing = true;
  try {
    const listed = await client.listTools();
    const toolsListDefault = { bytes: bytes.last, tools: listed.tools.length };
    // a second connection opening with the bridge's hello asks for every tool
    const allBytes = new ReceivedBytes();
    const all = await connect(
      job.connect,
      'bench-sizes',
      allBytes,
      helloLine({ workspace: {}, tools: 'all' }),
    );
    allBytes.capturing = true;
    const sized = async (body: () => Promise<unknown>) => {
      await body();
      return allBytes.last;
    };
    try {
      const listedAll = await all.listTools();
      const toolsListAll = { bytes: allBytes.last, tools: listedAll.tools.length };
      const call = (name: string, args: Record<string, unknown>) =>
        all.callTool({ name, arguments: args }).then((result) => checked(result, name));
      const responses = [
        { label: 'get_task', bytes: await sized(() => call('get_task', { task_id: 42 })) },
        {
          label: 'list_tasks, fields compact, limit 20',
          bytes: await sized(() => call('list_tasks', { fields: 'compact', limit: 20 })),
        },
        {
          label: 'list_tasks, full, limit 20',
          bytes: await sized(() => call('list_tasks', { limit: 20 })),
        },
        {
          label: 'get_next_task (3 alternatives)',
          bytes: await sized(() => call('get_next_task', {})),
        },
      ];
      return { toolsListDefault, toolsListAll, responses };
    } finally {
      await all.close();
    }
  } finally {
    bytes.capturing = false;
  }
}

async function runLatency(job: Extract<McpClientJob, { mode: 'latency' }>): Promise<McpLatency> {
  const bytes = new ReceivedBytes();
  const started = performance.now();
  const client = await connect(job.connect, 'bench-agent', bytes);
  const connectMs = performance.now() - started;
  try {
    // tools/list first, as an agent does (measured, when sizes are asked); the client then
    // checks every result against the tool's output schema
    const sizes = job.sizes ? await measureSizes(client, bytes, job) : undefined;
    if (!sizes) await client.listTools();
    const rng = new Prng(0x6d6370);
    const ping: number[] = [];
    const getTask: number[] = [];
    const claimNext: number[] = [];
    let emptyClaims = 0;
    let claimBytes = 0;
    for (let round = 0; round < job.warmup + job.rounds; round++) {
      const warm = round < job.warmup;
      const sink = (samples: number[]) => (warm ? [] : samples);
      await timed(sink(ping), () => client.ping());
      const taskId = rng.int(1, job.taskCount);
      const read = await timed(sink(getTask), () =>
        client.callTool({ name: 'get_task', arguments: { task_id: taskId } }),
      );
      checked(read, `get_task ${taskId}`);
      bytes.capturing = job.sizes && round === 0;
      const claim = await timed(sink(claimNext), () =>
        client.callTool({ name: 'claim_next_task', arguments: {} }),
      );
      if (bytes.capturing) claimBytes = bytes.last;
      bytes.capturing = false;
      if (claimedId(claim) === null) {
        if (warm) checked(claim, 'claim_next_task');
        else emptyClaims++;
      }
    }
    if (sizes) sizes.responses.splice(1, 0, { label: 'claim_next_task', bytes: claimBytes });
    // the floor: pings back to back, each one's wait for the server never behind a tool call
    const pingInRow: number[] = [];
    for (let i = 0; i < job.rounds; i++) await timed(pingInRow, () => client.ping());
    return {
      transport: job.transport,
      connectMs,
      ping: summarize(ping),
      pingInRow: summarize(pingInRow),
      getTask: summarize(getTask),
      claimNext: summarize(claimNext),
      emptyClaims,
      ...(sizes ? { sizes } : {}),
    };
  } finally {
    await client.close();
  }
}

async function runClaims(
  job: Extract<McpClientJob, { mode: 'claims' }>,
): Promise<McpClaimsWorkerResult> {
  const client = await connect(job.connect, job.agent);
  try {
    // the first tool call opens the agent's session: do it before the clock starts
    checked(
      await client.callTool({ name: 'get_task', arguments: { task_id: 1 } }),
      'get_task before claiming',
    );
    const go = new Promise<void>((resolveGo) =>
      process.on('message', (message) => message === 'go' && resolveGo()),
    );
    process.send!('ready');
    await go;
    const claimed: number[] = [];
    const latencies: number[] = [];
    const failures: string[] = [];
    const startedAt = performance.timeOrigin + performance.now();
    for (let call = 0; call < job.claims; call++) {
      const result = await timed(latencies, () =>
        client.callTool({ name: 'claim_next_task', arguments: {} }),
      );
      const id = claimedId(result);
      if (id !== null) claimed.push(id);
      else failures.push(JSON.stringify(result.content).slice(0, 300));
    }
    const endedAt = performance.timeOrigin + performance.now();
    return { claimed, latencies, startedAt, endedAt, failures };
  } finally {
    await client.close();
  }
}

process.once('message', (message) => {
  const job = message as McpClientJob;
  const run = job.mode === 'latency' ? runLatency(job) : runClaims(job);
  run.then(
    (result) => process.send!({ ok: true, result }, () => process.disconnect()),
    (error: unknown) =>
      process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () =>
        process.disconnect(),
      ),
  );
});
