// The headless shell's HTTP server (`orchestron serve`): the built renderer plus the client
// protocol on a loopback address, for one orchestrator: a WebSocket at /api/socket (the page's
// carrier, with a per-start token from /api/session), and POST /api/call and GET /api/events
// for local tools.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { AppError } from '../../shared/errors.ts';
import { excerpt } from '../../shared/text/excerpt.ts';
import { handleApiCall } from './api-route.ts';
import { openEventStream, type EventStream } from './event-stream.ts';
import { replyJson, replyText } from './http-replies.ts';
import { refusalReason } from './request-guard.ts';
import { serveStatic } from './static-files.ts';
import { createWsEndpoint } from './ws-endpoint.ts';
import { handleSessionRequest, SESSION_PATH } from './ws-session-route.ts';
import { packageRoot } from '../package-root.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4477;
/** out/renderer at the repository root, seen from src/host/web. */
const defaultRendererDir = () => resolve(packageRoot(import.meta.dirname), 'out', 'renderer');

export interface WebServerOptions {
  orchestrator: Orchestrator;
  host?: string;
  port?: number;
  rendererDir?: string;
  /** Where the server was started: calls that name no project act on this folder's project. */
  workspace?: Workspace;
  /** The token a socket's hello must carry; a fresh random one per start when omitted. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** What the page reads from /api/session and says in its hello. */
  token: string;
  close(): Promise<void>;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new AppError(
      'CONFLICT',
      `Port ${port} on ${host} is already in use (another Orchestron?). Open that one, or choose another port (0 picks a free one).`,
      { host, port },
    );
  }
  // a name the resolver does not know (ENOTFOUND), or could not look up (EAI_AGAIN, …)
  if (error.syscall === 'getaddrinfo' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new AppError(
      'VALIDATION',
      `Cannot listen on ${excerpt(host)}: that host name cannot be resolved (${error.code}). Use 127.0.0.1, or another address of this machine.`,
      { host, port, reason: error.code ?? null },
    );
  }
  if (error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') {
    return new AppError(
      'FORBIDDEN',
      `Cannot listen on ${host}:${port} (${error.code}). Use 127.0.0.1 and a port above 1024.`,
      { host, port },
    );
  }
  return error;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function apiNotFound(path: string) {
  const message = `No API route ${path}; use POST /api/call, GET /api/events, GET /api/session or a WebSocket on /api/socket.`;
  return { error: { code: 'NOT_FOUND', message } };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts serving; resolves once listening, with the URL to open and a close that ends every stream. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { orchestrator } = options;
  const host = options.host ?? DEFAULT_HOST;
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const streams = new Set<EventStream>();
  let port = 0;
  // 32 random bytes: unguessable, and new at every start so an old page must read it again
  const token = options.token ?? randomBytes(32).toString('base64url');
  const sockets = createWsEndpoint({
    orchestrator,
    token,
    port: () => port,
    workspace: options.workspace,
  });

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refusal = refusalReason(request, port);
    if (refusal) return replyText(response, 403, refusal);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/api/call')
      return handleApiCall(request, response, orchestrator, options.workspace);
    if (path === '/api/events' && request.method === 'GET') {
      const stream = openEventStream(request, response, orchestrator);
      streams.add(stream);
      response.once('close', () => streams.delete(stream));
      return;
    }
    if (path === SESSION_PATH) return handleSessionRequest(request, response, token);
    if (path.startsWith('/api/')) return replyJson(response, 404, apiNotFound(path));
    return serveStatic(request, response, rendererDir, path);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('orchestron web: a request failed:', error);
      if (!response.headersSent)
        replyText(response, 500, 'Orchestron failed to answer this request; see the server log.');
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head));
  port = await listen(server, host, options.port ?? DEFAULT_PORT);

  let closing: Promise<void> | undefined;
  const close = () =>
    Promise.all([
      sockets.close(),
      new Promise<void>((resolveClose, reject) => {
        for (const stream of streams) stream.close();
        streams.clear();
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
    ]).then(() => undefined);
  return { url: `http://${urlHost(host)}:${port}/`, token, close: () => (closing ??= close()) };
}
