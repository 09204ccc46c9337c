// Who may use the MCP HTTP endpoint: a request to a loopback name of our port (DNS rebinding is
// refused by the Host check), from no page or our own origin, carrying the current bearer token.
// Also reads the optional headers that name the agent and its project.
import type { IncomingHttpHeaders } from 'node:http';
import { findControlCharacter } from '../../shared/text/unicode-checks.ts';
import { tokensMatch } from './mcp-token.ts';

export const AGENT_HEADER = 'x-orchestron-agent';
export const PROJECT_HEADER = 'x-orchestron-project';
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** Longest agent name kept from the header; longer ones are cut. */
const MAX_AGENT = 64;
/** Longest project reference accepted; project names are shorter. */
const MAX_PROJECT = 200;
/** JSON-RPC's "server error" range, as the SDK's own Host guard answers. */
const REFUSED_RPC_CODE = -32001;

export interface Refusal {
  status: 401 | 403;
  headers: Record<string, string>;
  body: { jsonrpc: '2.0'; id: null; error: { code: number; message: string } };
}

function refusal(status: Refusal['status'], message: string, headers = {}): Refusal {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: { jsonrpc: '2.0', id: null, error: { code: REFUSED_RPC_CODE, message } },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originRefusal(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const host = single(headers.host)?.toLowerCase();
  const allowedHosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (host === undefined || !allowedHosts.includes(host)) {
    return refusal(
      403,
      `Refused: this endpoint answers only to ${allowedHosts.join(', ')} (Host was "${(host ?? '').slice(0, 100)}"). Connect to http://127.0.0.1:${port}/mcp.`,
    );
  }
  const origin = single(headers.origin);
  const allowedOrigins = LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
  if (origin !== undefined && !allowedOrigins.includes(origin.toLowerCase())) {
    return refusal(
      403,
      `Refused: requests from the origin ${origin.slice(0, 100)} are not allowed; web pages may not call this endpoint.`,
    );
  }
  return null;
}

const HOW_TO_GET =
  'Run `orchestron mcp token` on this machine and send its output as "Authorization: Bearer <token>" (`orchestron mcp config <client> --http` prints a complete configuration).';

function tokenRefusal(headers: IncomingHttpHeaders, expected: string | null): Refusal | null {
  const authorization = single(headers.authorization);
  const sent = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (sent === undefined) {
    return refusal(401, `This endpoint needs a bearer token. ${HOW_TO_GET}`, {
      'www-authenticate': 'Bearer realm="orchestron"',
    });
  }
  // compared even when no token file exists, so the answer takes the same time
  const matches = tokensMatch(sent, expected ?? '');
  if (expected !== null && matches) return null;
  return refusal(
    401,
    `The bearer token is wrong or was replaced (\`orchestron mcp token --rotate\`). ${HOW_TO_GET}`,
    { 'www-authenticate': 'Bearer realm="orchestron", error="invalid_token"' },
  );
}

/**
 * Why the request must be refused, or null to serve it: 403 for a foreign Host or Origin
 * (checked first, so a rebinding page learns nothing about the token), then 401 for a missing or
 * wrong token. `expected` is null when no token exists yet: everything is refused then.
 */
export function checkMcpRequest(
  headers: IncomingHttpHeaders,
  port: number,
  expected: string | null,
): Refusal | null {
  return originRefusal(headers, port) ?? tokenRefusal(headers, expected);
}

/**
 * The agent's name from X-Orchestron-Agent, reduced to letters, digits, ".", "_" and "-" (the
 * name is recorded on every event as agent:<name>#<session>), or undefined when none is left.
 */
export function agentFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const raw = single(headers[AGENT_HEADER]);
  if (raw === undefined) return undefined;
  const name = raw
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_AGENT);
  return name === '' ? undefined : name;
}

/**
 * The project named by X-Orchestron-Project (a name or an id). Header values arrive as Latin-1;
 * a name sent as UTF-8 bytes is decoded back. Control characters or an empty value mean none.
 */
export function projectFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const raw = single(headers[PROJECT_HEADER]);
  if (raw === undefined) return undefined;
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  const text = (decoded.includes('\uFFFD') ? raw : decoded).trim().slice(0, MAX_PROJECT);
  if (text === '' || findControlCharacter(text, { multiline: false }) !== null) return undefined;
  return text;
}

/** Where a 2026-07-28 request carries the client's name (there is no handshake in that era). */
const CLIENT_INFO_META_KEY = 'io.modelcontextprotocol/clientInfo';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The client's own name in a JSON-RPC body: the 2025 handshake's clientInfo, or the envelope a
 * 2026-07-28 request carries. Later 2025-era requests name no client: each is a fresh exchange.
 */
export function clientNameIn(body: unknown): string | undefined {
  const message = record(Array.isArray(body) ? body[0] : body);
  const params = record(message?.['params']);
  const info =
    record(params?.['clientInfo']) ?? record(record(params?.['_meta'])?.[CLIENT_INFO_META_KEY]);
  const name = info?.['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}
