// The MCP endpoint on a Unix domain socket (a named pipe on Windows) that `orchestron serve` and
// the desktop app open next to their core: newline-delimited JSON-RPC, one MCP server instance
// and one agent session per connection, served for both protocol eras through serveStdio.
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { AppError } from '../../shared/errors.ts';
import { AgentSession } from './agent-session.ts';
import { HelloError, readHello } from './connection-hello.ts';
import { createMcpServer } from './server-factory.ts';
import { ensureSocketFolder, isNamedPipe, socketPathFor } from './socket-path.ts';
import { selectTools, type ToolSelection } from './tool-sets.ts';

export interface SocketEndpointOptions {
  databasePath: string;
  /** The socket or pipe to listen on; by default the database's, under the data folder. */
  path?: string;
  /** For clients that send no hello: the tool set and workspace they get. */
  tools?: ToolSelection;
  workspace?: Workspace;
  /** Out-of-band problems (a connection's transport failing); default: standard error. */
  log?: (text: string) => void;
}

export interface SocketEndpoint {
  readonly path: string;
  /** Open connections right now. */
  readonly connections: number;
  /** Stops listening, ends every connection and its session, and removes the socket file. */
  close(): Promise<void>;
}

/** How long a probe of an existing socket waits before calling it dead. */
const PROBE_TIMEOUT_MS = 1_000;

/** Whether something accepts connections on `path` now. */
export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolveProbe, reject) => {
    const probe = connect(path);
    const timer = setTimeout(() => {
      probe.destroy();
      resolveProbe(true);
    }, PROBE_TIMEOUT_MS);
    probe.once('connect', () => {
      clearTimeout(timer);
      probe.destroy();
      resolveProbe(true);
    });
    probe.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolveProbe(false);
      else reject(error);
    });
  });
}

function alreadyServed(path: string): AppError {
  return new AppError(
    'CONFLICT',
    `Another Orchestron already serves MCP for this database on ${path}. Stop it first, or let agents use that one.`,
    { socket: path },
  );
}

/** Removes a socket file that nothing answers on; refuses a live one or a file that is not a socket. */
async function clearStaleSocket(path: string): Promise<void> {
  if (isNamedPipe(path)) return;
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return;
  }
  if (!isSocket)
    throw new AppError(
      'CONFLICT',
      `${path} exists and is not a socket; move it away and start again.`,
      {
        socket: path,
      },
    );
  if (await socketAnswers(path)) throw alreadyServed(path);
  unlinkSync(path);
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolveListening, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? alreadyServed(path) : error);
    server.once('error', onError);
    server.listen(path, () => {
      server.off('error', onError);
      resolveListening();
    });
  });
}

/** A JSON-RPC error line for a connection refused before MCP starts. */
function refusalLine(message: string): string {
  return `${JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message } })}\n`;
}

export async function startSocketEndpoint(
  core: Orchestrator,
  options: SocketEndpointOptions,
): Promise<SocketEndpoint> {
  const path = options.path ?? socketPathFor(options.databasePath);
  const log = options.log ?? ((text: string) => process.stderr.write(`orchestron mcp: ${text}\n`));
  ensureSocketFolder(path);
  await clearStaleSocket(path);
  const open = new Set<Socket>();
  const closers = new Set<() => Promise<void>>();

  async function serveConnection(socket: Socket): Promise<void> {
    const hello = await readHello(socket);
    const tools = hello?.tools ?? options.tools ?? 'default';
    selectTools(tools);
    const workspace = hello?.workspace ?? options.workspace ?? {};
    const session = new AgentSession(core, { workspace, transport: 'socket' });
    const handle = serveStdio(
      () => createMcpServer(core, { tools, workspace, transport: 'socket', session }),
      {
        transport: new StdioServerTransport(socket, socket),
        onerror: (error) => log(`connection error: ${error.message}`),
      },
    );
    socket.resume();
    const close = async () => {
      closers.delete(close);
      await handle.close();
    };
    closers.add(close);
    socket.once('close', () => void close());
  }

  const server = createServer((socket) => {
    open.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => open.delete(socket));
    serveConnection(socket).catch((error: unknown) => {
      const message =
        error instanceof HelloError || error instanceof AppError
          ? `error[VALIDATION]: ${error.message}`
          : `error[INTERNAL]: ${String(error)}`;
      socket.end(refusalLine(message));
    });
  });
  await listen(server, path);
  if (!isNamedPipe(path)) chmodSync(path, 0o600);

  return {
    path,
    get connections() {
      return open.size;
    },
    async close() {
      const closed = new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
      for (const socket of open) socket.destroy();
      await Promise.all([...closers].map((close) => close()));
      await closed;
    },
  };
}
