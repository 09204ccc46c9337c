// Who may talk to the local web server: only pages served by this server on a loopback name.
// The Host check defeats DNS rebinding; the Origin check refuses other sites' requests.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The reason to refuse the request, or null when it comes from our own page (or a local tool). */
export function refusalReason(request: IncomingMessage, port: number): string | null {
  const host = request.headers.host;
  const allowedHosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (host === undefined || !allowedHosts.includes(host.toLowerCase())) {
    return `Refused: this server answers only to ${allowedHosts.join(', ')} (Host was "${host ?? ''}"). Open it at http://127.0.0.1:${port}/.`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return `Refused: requests from ${origin} are not allowed; only the page served by this server may call it.`;
  }
  return null;
}
