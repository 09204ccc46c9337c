// GET /api/session: how the page served by this server learns where its socket is and the
// per-start token its hello must carry. Only a same-origin request gets it: the server's request
// guard already refused other Hosts and Origins, and a browser marks any request another site
// makes (even one that sends no Origin) with Sec-Fetch-Site, refused here. CORS never lets
// another origin read the answer anyway.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROTOCOL_VERSION } from '../../shared/protocol/messages.ts';
import { WEB_PATHS } from '../../shared/protocol/web-paths.ts';
import { replyJson } from './http-replies.ts';
import { SOCKET_PATH } from './ws-endpoint.ts';

export const SESSION_PATH = WEB_PATHS.session;

/** Sec-Fetch-Site values of a request this server's own page (or a person typing the URL) made. */
const OWN_SITES = new Set(['same-origin', 'none']);

export interface SessionInfo {
  token: string;
  socket: string;
  protocol: number;
}

export function handleSessionRequest(
  request: IncomingMessage,
  response: ServerResponse,
  token: string,
): void {
  if (request.method !== 'GET') {
    response.setHeader('Allow', 'GET');
    return replyJson(response, 405, {
      error: { code: 'VALIDATION', message: `Use GET for ${SESSION_PATH}.` },
    });
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !OWN_SITES.has(site)) {
    return replyJson(response, 403, {
      error: {
        code: 'FORBIDDEN',
        message: `Refused: a ${site} request may not read the session token; only the page served here may.`,
      },
    });
  }
  const info: SessionInfo = { token, socket: SOCKET_PATH, protocol: PROTOCOL_VERSION };
  replyJson(response, 200, info);
}
