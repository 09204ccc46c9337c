// MCP over Streamable HTTP at http://127.0.0.1:<port>/mcp, on its own listener (so its token and
// guard stand apart from the web page's API). Served through the SDK's createMcpHandler, which
// answers both protocol eras (2026-07-28 and the 2025 handshake) from one server factory.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, type McpRequestContext } from '@modelcontextprotocol/server';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { AppError } from '../../shared/errors.ts';
import { readBody } from '../web/read-body.ts';
import { AgentSession } from './agent-session.ts';
import {
  agentFromHeaders,
  checkMcpRequest,
  clientNameIn,
  projectFromHeaders,
} from './http-auth.ts';
import { DEFAULT_MCP_PORT, MCP_PATH, mcpUrl } from './mcp-config.ts';
import { ensureToken, mcpTokenPath, TokenFile } from './mcp-token.ts';
import { createMcpServer, type McpSessionOptions } from './server-factory.ts';

const LOOPBACK = '127.0.0.1';
/** The SDK's own default bound on a request body. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Agent sessions kept between requests; beyond this the least recently used one is ended. */
const MAX_SESSIONS = 256;

export interface McpHttpOptions {
  orchestrator: Orchestrator;
  /** The database the token belongs to: it is kept in the `mcp` folder next to it. */
  databasePath: string;
  port?: number;
  /** Where the server was started; X-Orchestron-Project overrides its project per request. */
  workspace?: Workspace;
  tools?: McpSessionOptions['tools'];
}

export interface McpHttpEndpoint {
  url: string;
  port: number;
  tokenPath: string;
  close(): Promise<void>;
}

/** Who is calling, as the guard and the body tell: carried to the factory as the SDK's authInfo. */
interface Identity {
  agent?: string;
  project?: string;
}

function identityOf(context: McpRequestContext): Identity {
  return (context.authInfo?.extra ?? {}) as Identity;
}

/** The agent's name: X-Orchestron-Agent, else the client's name in the request, if it has one. */
function identityFrom(request: IncomingMessage, body: unknown): Identity {
  const agent = agentFromHeaders(request.headers) ?? clientNameIn(body);
  const project = projectFromHeaders(request.headers);
  return {
    ...(agent === undefined ? {} : { agent }),
    ...(project === undefined ? {} : { project }),
  };
}

function workspaceFor(base: Workspace, identity: Identity): Workspace {
  // a named project wins over the server's folder, which would otherwise decide first
  return identity.project === undefined ? base : { project: identity.project };
}

/**
 * HTTP has no connection to hang a session on: every request gets a fresh server instance. So
 * one agent session is kept per agent name and project, and every request of that agent acts in
 * it, instead of each tool call starting a session of its own.
 */
class SessionPool {
  private readonly sessions = new Map<string, AgentSession>();
  private readonly core: Orchestrator;

  constructor(core: Orchestrator) {
    this.core = core;
  }

  get(identity: Identity, workspace: Workspace): AgentSession {
    const key = JSON.stringify([identity.agent ?? null, identity.project ?? null]);
    const known = this.sessions.get(key);
    this.sessions.delete(key);
    const session =
      known ??
      new AgentSession(this.core, {
        workspace,
        transport: 'http',
        ...(identity.agent === undefined ? {} : { agent: identity.agent }),
      });
    this.sessions.set(key, session);
    for (const [oldKey, old] of this.sessions) {
      if (this.sessions.size <= MAX_SESSIONS) break;
      this.sessions.delete(oldKey);
      void old.end();
    }
    return session;
  }

  async endAll(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((session) => session.end()));
  }
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new AppError(
      'CONFLICT',
      `Port ${port} on ${LOOPBACK} is already in use, so MCP over HTTP cannot listen there. Choose another MCP port (0 picks a free one).`,
      { host: LOOPBACK, port },
    );
  if (error.code === 'EACCES')
    return new AppError(
      'FORBIDDEN',
      `Cannot listen on ${LOOPBACK}:${port} (EACCES). Choose a port above 1024.`,
      { host: LOOPBACK, port },
    );
  return error;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, port));
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function replyJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function replyRpcError(response: ServerResponse, status: number, code: number, message: string) {
  replyJson(response, status, { jsonrpc: '2.0', id: null, error: { code, message } });
}

/**
 * The JSON body of a POST, read here (the SDK takes it parsed) to learn the client's name; null
 * after answering a body that is too large or not JSON, as the SDK itself would have.
 */
async function readJson(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<{ body: unknown } | null> {
  if (request.method !== 'POST') return { body: undefined };
  let bytes: Buffer;
  try {
    bytes = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'LIMIT') throw error;
    replyRpcError(response, 413, -32600, 'The request body is larger than 4 MB.');
    return null;
  }
  try {
    return { body: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    replyRpcError(response, 400, -32700, 'Parse error: the request body is not valid JSON.');
    return null;
  }
}

/** Starts listening; resolves with the URL agents use and a close that ends every exchange. */
export async function startMcpHttpEndpoint(options: McpHttpOptions): Promise<McpHttpEndpoint> {
  const { orchestrator } = options;
  const base = options.workspace ?? {};
  const tokenPath = mcpTokenPath(options.databasePath);
  ensureToken(tokenPath);
  const token = new TokenFile(tokenPath);
  const reportError = (error: Error) =>
    process.stderr.write(`orchestron mcp http: ${error.message}\n`);
  const sessions = new SessionPool(orchestrator);
  const handler = createMcpHandler(
    (context) => {
      const identity = identityOf(context);
      const workspace = workspaceFor(base, identity);
      return createMcpServer(orchestrator, {
        tools: options.tools ?? 'default',
        workspace,
        transport: 'http',
        ...(identity.agent === undefined ? {} : { agent: identity.agent }),
        session: sessions.get(identity, workspace),
      });
    },
    { onerror: reportError },
  );
  const serveMcp = toNodeHandler(handler, { onerror: reportError });
  let port = 0;

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const refusal = checkMcpRequest(request.headers, port, token.current());
    if (refusal) return replyJson(response, refusal.status, refusal.body, refusal.headers);
    if (path !== MCP_PATH)
      return replyRpcError(
        response,
        404,
        -32601,
        `No MCP endpoint at ${path.slice(0, 100)}; use ${MCP_PATH}.`,
      );
    const read = await readJson(request, response);
    if (read === null) return;
    const identity = identityFrom(request, read.body);
    const authorized = Object.assign(request, {
      auth: { token: '', clientId: identity.agent ?? 'http', scopes: [], extra: { ...identity } },
    });
    await serveMcp(authorized, response, read.body);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      reportError(error instanceof Error ? error : new Error(String(error)));
      if (!response.headersSent)
        replyRpcError(response, 500, -32603, 'Orchestron failed to answer this request.');
      else response.destroy();
    });
  });
  port = await listen(server, options.port ?? DEFAULT_MCP_PORT);

  let closing: Promise<void> | undefined;
  const close = async () => {
    await handler.close().catch(() => undefined);
    await sessions.endAll();
    await new Promise<void>((resolveClose, reject) => {
      server.close((error) => (error ? reject(error) : resolveClose()));
      server.closeAllConnections();
    });
  };
  return {
    url: mcpUrl(port),
    port,
    tokenPath,
    close: () => (closing ??= close()),
  };
}

/**
 * The endpoint `orchestron serve` opens beside the web page. On the default port, a port already
 * taken (another Orchestron, most likely) leaves serve running without it and says so; a port the
 * user chose must be free.
 */
export async function startServeMcpHttp(
  options: McpHttpOptions & { portChosen: boolean },
): Promise<{ endpoint: McpHttpEndpoint | null; note: string | null }> {
  try {
    return { endpoint: await startMcpHttpEndpoint(options), note: null };
  } catch (error) {
    if (options.portChosen || !(error instanceof AppError) || error.code !== 'CONFLICT')
      throw error;
    const port = options.port ?? DEFAULT_MCP_PORT;
    const note = `MCP over HTTP is off: port ${port} is in use. Pass --mcp-port with another port (0 picks a free one).`;
    return { endpoint: null, note };
  }
}
