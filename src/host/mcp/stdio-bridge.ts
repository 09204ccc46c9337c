// `orchestron mcp`: what an agent's client configuration launches. If a core already serves this
// database on its socket, the bridge pipes stdio to it byte for byte (after one hello line that
// carries the bridge's folder and tool set); otherwise it opens the core itself on the same
// database file and serves MCP over stdio, so agents work while the app is closed. Standard
// output carries MCP messages only; notes go to standard error.
import { connect, type Socket } from 'node:net';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Workspace } from '../../core/call-context.ts';
import { AgentSession } from './agent-session.ts';
import { helloLine } from './connection-hello.ts';
import { socketPathFor } from './socket-path.ts';
import { selectTools, type ToolSelection } from './tool-sets.ts';

export interface BridgeOptions {
  databasePath: string;
  tools: ToolSelection;
  /** The folder the bridge was started in and ORCHESTRON_PROJECT: they pick the project. */
  workspace: Workspace;
  /** The socket to try first; by default the database's. */
  socketPath?: string;
}

/** A running core answers at once; a socket that takes longer is treated as dead. */
const CONNECT_TIMEOUT_MS = 1_000;
/** How often the bridge checks that the client that started it is still alive. */
const PARENT_POLL_MS = 1_000;

function note(text: string): void {
  process.stderr.write(`orchestron mcp: ${text}\n`);
}

/** The open socket of a running core, or null when none answers. */
function connectToCore(path: string): Promise<Socket | null> {
  return new Promise((resolveSocket) => {
    const socket = connect(path);
    const timer = setTimeout(() => {
      socket.destroy();
      resolveSocket(null);
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolveSocket(socket);
    });
    const onError = (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT')
        note(
          `the core's socket ${path} failed (${error.code ?? error.message}); serving in-process`,
        );
      resolveSocket(null);
    };
    socket.once('error', onError);
  });
}

/** Resolves when the process that started the bridge is gone (it was re-parented). */
function parentGone(): Promise<void> {
  const parent = process.ppid;
  return new Promise((resolveGone) => {
    const timer = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(timer);
        resolveGone();
      }
    }, PARENT_POLL_MS);
    timer.unref();
  });
}

function stdinClosed(): Promise<void> {
  return new Promise((resolveClosed) => {
    process.stdin.once('end', resolveClosed);
    process.stdin.once('close', resolveClosed);
  });
}

/** The fast path: stdin → socket and socket → stdout, untouched, until either side ends. */
async function pipeToCore(socket: Socket, options: BridgeOptions): Promise<void> {
  socket.write(helloLine({ workspace: options.workspace, tools: options.tools }));
  process.stdin.pipe(socket);
  socket.pipe(process.stdout, { end: false });
  const socketClosed = new Promise<void>((resolveClosed) => {
    socket.once('close', () => resolveClosed());
    socket.on('error', (error) => note(`the connection to the core failed: ${error.message}`));
  });
  await Promise.race([socketClosed, parentGone()]);
  socket.destroy();
}

/** The fallback: this process hosts the core and serves MCP on its own stdio. */
async function serveInProcess(options: BridgeOptions): Promise<void> {
  const { Orchestrator } = await import('../../core/orchestrator.ts');
  const { createMcpServer } = await import('./server-factory.ts');
  const core = new Orchestrator({ databasePath: options.databasePath });
  const session = new AgentSession(core, { workspace: options.workspace, transport: 'stdio' });
  const { tools, workspace } = options;
  const handle = serveStdio(
    () => createMcpServer(core, { tools, workspace, transport: 'stdio', session }),
    {
      transport: new StdioServerTransport(process.stdin, process.stdout),
      onerror: (error) => note(error.message),
    },
  );
  await Promise.race([stdinClosed(), parentGone()]);
  await handle.close().catch(() => undefined);
  core.dispose();
}

/** Runs the bridge until its client goes away; throws VALIDATION for an unknown tool name. */
export async function runBridge(options: BridgeOptions): Promise<void> {
  selectTools(options.tools);
  const socket = await connectToCore(options.socketPath ?? socketPathFor(options.databasePath));
  if (socket) await pipeToCore(socket, options);
  else await serveInProcess(options);
}
