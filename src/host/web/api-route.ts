// POST /api/call: the HTTP carrier of the client protocol. The body is a call message
// { name, input }; the answer is { result } or { error: { code, message, details } }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { AppError, toErrorPayload } from '../../shared/errors.ts';
import { decodeUtf8, formatByte } from '../../shared/text/utf8.ts';
import { dispatchCall, httpStatusOf, type CallReply } from './call-dispatch.ts';
import { replyJson } from './http-replies.ts';
import { readBody } from './read-body.ts';

/** Large enough for an import_project of a big project, small enough to buffer safely. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** JSON is UTF-8 (RFC 8259): other bytes are refused, not stored as U+FFFD. */
function decodeBody(body: Buffer): string {
  const decoded = decodeUtf8(body);
  if (decoded.ok) return decoded.text;
  throw new AppError(
    'VALIDATION',
    `The request body is not UTF-8 text (byte ${formatByte(decoded.byte)} at offset ${decoded.offset}, counting from 0); send the JSON encoded as UTF-8.`,
    { offset: decoded.offset },
  );
}

function parseJson(body: Buffer): unknown {
  const text = decodeBody(body);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `The request body is not valid JSON (${(error as Error).message}); send { "name": "<operation>", "input": { ... } }.`,
    );
  }
}

function requireJsonContent(request: IncomingMessage): void {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError(
      'VALIDATION',
      `Send the call with Content-Type: application/json (got "${type}").`,
    );
  }
}

async function handle(
  request: IncomingMessage,
  orchestrator: Orchestrator,
  workspace: Workspace,
): Promise<CallReply> {
  try {
    requireJsonContent(request);
    const message = parseJson(await readBody(request, MAX_BODY_BYTES));
    return await dispatchCall(orchestrator, message, workspace);
  } catch (error) {
    return { error: toErrorPayload(error) };
  }
}

export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  orchestrator: Orchestrator,
  workspace: Workspace = {},
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    replyJson(response, 405, { error: { code: 'VALIDATION', message: 'Use POST for /api/call.' } });
    return;
  }
  const reply = await handle(request, orchestrator, workspace);
  const status = httpStatusOf(reply);
  // A refused body may still be arriving; close the connection rather than read it all.
  if (status === 413) response.setHeader('Connection', 'close');
  replyJson(response, status, reply);
}
