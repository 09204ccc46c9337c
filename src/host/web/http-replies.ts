// Small helpers to answer HTTP requests with JSON or text and the security headers every
// response carries.
import type { ServerResponse } from 'node:http';

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** For HTML only: the page's policy, the same as in the desktop window. */
export { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';

export function writeHead(
  response: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
): void {
  response.writeHead(status, { ...COMMON_HEADERS, ...headers });
}

export function replyJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  writeHead(response, status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

export function replyText(response: ServerResponse, status: number, text: string): void {
  writeHead(response, status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
