// The client for browser mode: the client protocol over a WebSocket to the server that served the
// page. The page first reads its per-start token from /api/session (same origin only), and reads
// it again when the socket is refused with 4401 (the server restarted with a new one).
import * as z from 'zod/mini';
import type { Carrier } from '../../shared/protocol/protocol-client.ts';
import { ProtocolClient } from '../../shared/protocol/protocol-client.ts';
import { parseJsonText } from '../../shared/protocol/parse-message.ts';
import { WEB_PATHS } from '../../shared/protocol/web-paths.ts';
import { shellCapabilities } from './capabilities.ts';

const UNREACHABLE =
  'Cannot reach the Orchestron server. Check that `orchestron serve` is still running, then retry.';

const SessionSchema = z.object({ token: z.string() });

/** The ws:// (or wss://) address of the socket on the server at `baseUrl`. */
export function socketUrl(baseUrl: string): URL {
  const url = new URL(WEB_PATHS.socket, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

async function readToken(baseUrl: string): Promise<string> {
  const response = await fetch(new URL(WEB_PATHS.session, baseUrl), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${WEB_PATHS.session} answered HTTP ${response.status}.`);
  const session = SessionSchema.safeParse(await response.json());
  if (!session.success) throw new Error(`${WEB_PATHS.session} sent no token.`);
  return session.data.token;
}

/** Each connection is one WebSocket; messages go as JSON text frames. */
export function webSocketCarrier(url: URL): Carrier {
  return (handlers) => {
    const socket = new WebSocket(url);
    socket.onopen = () => handlers.open();
    socket.onmessage = (message: { data: unknown }) => {
      const decoded = typeof message.data === 'string' ? parseJsonText(message.data) : null;
      if (decoded?.ok) handlers.message(decoded.value);
      else console.error('Orchestron: the server sent a frame that is not JSON text; ignored.');
    };
    // an error is always followed by close, which reports it
    socket.onclose = (event) => handlers.closed(event.code, event.reason);
    return {
      send: (message) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
      },
      close: () => socket.close(1000),
    };
  };
}

/** `baseUrl`: the address of the server that served the page (location.href). */
export function createWebSocketClient(baseUrl: string): ProtocolClient {
  let token: Promise<string> | undefined;
  return new ProtocolClient({
    carrier: webSocketCarrier(socketUrl(baseUrl)),
    capabilities: shellCapabilities(),
    unreachable: UNREACHABLE,
    token: (fresh) => {
      if (!token || fresh) token = readToken(baseUrl);
      // a failed read is not kept: the next attempt reads again
      token.catch(() => (token = undefined));
      return token;
    },
  });
}
