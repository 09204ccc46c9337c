// The client protocol over a WebSocket at /api/socket, for the page `orchestron serve` serves.
// Who may connect: the upgrade request must name a loopback Host (against DNS rebinding) and, if
// it has an Origin (browsers always send one), this server's own; and the first message must be
// a hello carrying this server's per-start token, which only a page of this origin can read (from
// /api/session). A page on another origin is refused at the upgrade; a tokenless or wrong-token
// socket is closed with 4401 and a reason.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { CLOSE_CODES, CLOSE_REASONS } from '../../shared/protocol/close-codes.ts';
import { parseJsonText } from '../../shared/protocol/parse-message.ts';
import { WEB_PATHS } from '../../shared/protocol/web-paths.ts';
import { ProtocolSession } from '../protocol/protocol-session.ts';
import { MAX_BODY_BYTES } from './api-route.ts';
import { WEB_ACTOR } from './call-dispatch.ts';
import { refusalReason } from './request-guard.ts';

export const SOCKET_PATH = WEB_PATHS.socket;
/** A peer that does not answer the closing handshake this long is cut off. */
const CLOSE_GRACE_MS = 1_000;

export interface WsEndpointOptions {
  orchestrator: Orchestrator;
  token: string;
  /** The port the server listens on, known only once it does. */
  port: () => number;
  workspace?: Workspace;
}

export interface WsEndpoint {
  /** Takes over an HTTP upgrade request (the server's 'upgrade' event). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket (1001) and resolves once they are gone. */
  close(): Promise<void>;
}

/** Refuses an upgrade with a plain HTTP answer whose body says why. */
function refuseUpgrade(socket: Duplex, status: number, title: string, reason: string): void {
  const body = Buffer.from(reason);
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${reason}`,
  );
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

export function createWsEndpoint(options: WsEndpointOptions): WsEndpoint {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });

  const serve = (socket: WebSocket) => {
    const session = new ProtocolSession({
      orchestrator: options.orchestrator,
      token: options.token,
      actor: WEB_ACTOR,
      workspace: options.workspace,
      send: (message) => socket.send(JSON.stringify(message)),
      close: (code, reason) => socket.close(code, reason),
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        const message = 'Send protocol messages as JSON text frames, not binary ones.';
        return session.refuseUndecodable({ code: 'VALIDATION', message });
      }
      const decoded = parseJsonText(textOf(data));
      if (decoded.ok) session.receive(decoded.value);
      else session.refuseUndecodable(decoded.error);
    });
    // a frame over maxPayload and other protocol faults: ws closes the socket itself (1009, 1002)
    socket.on('error', (error) =>
      console.warn(`orchestron web: a socket failed: ${error.message}`),
    );
    socket.on('close', () => session.dispose());
  };

  return {
    handleUpgrade(request, socket, head) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path !== SOCKET_PATH)
        return refuseUpgrade(socket, 404, 'Not Found', `No socket at ${path}; use ${SOCKET_PATH}.`);
      const refusal = refusalReason(request, options.port());
      if (refusal) return refuseUpgrade(socket, 403, 'Forbidden', refusal);
      server.handleUpgrade(request, socket, head, serve);
    },
    close() {
      const closing = [...server.clients].map(
        (socket) =>
          new Promise<void>((closed) => {
            socket.once('close', () => closed());
            socket.close(CLOSE_CODES.goingAway, CLOSE_REASONS.goingAway);
            setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
          }),
      );
      return Promise.all(closing).then(
        () => new Promise<void>((closed) => server.close(() => closed())),
      );
    },
  };
}
