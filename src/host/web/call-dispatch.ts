// The carrier-independent half of the client protocol: one call message in, one result or error
// message out. The HTTP route uses it today; a WebSocket carrier can reuse it unchanged.
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import {
  AppError,
  toErrorPayload,
  type ErrorCode,
  type ErrorPayload,
} from '../../shared/errors.ts';
import type { OperationName } from '../../shared/operations/registry.ts';

export type CallReply = { result: unknown } | { error: ErrorPayload };

/** The actor recorded on every change made through the browser page. */
export const WEB_ACTOR = 'human:web';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readCall(message: unknown): { name: string; input: unknown } {
  if (!isRecord(message) || typeof message['name'] !== 'string') {
    throw new AppError(
      'VALIDATION',
      'A call is a JSON object { "name": "<operation>", "input": { ... } }; "name" is missing or not a text.',
    );
  }
  return { name: message['name'], input: message['input'] ?? {} };
}

/** Runs one call through the orchestrator; never throws, every failure becomes an error reply. */
export async function dispatchCall(
  orchestrator: Orchestrator,
  message: unknown,
  workspace: Workspace = {},
): Promise<CallReply> {
  try {
    const { name, input } = readCall(message);
    // the orchestrator refuses unknown names with NOT_FOUND listing the operations
    return {
      result: await orchestrator.call(name as OperationName, input, {
        actor: WEB_ACTOR,
        workspace,
      }),
    };
  } catch (error) {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL')
      console.error('orchestron web: a call failed unexpectedly:', error);
    return { error: payload };
  }
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CYCLE: 409,
  LIMIT: 413,
  INTERNAL: 500,
  TIMEOUT: 503,
  CANCELLED: 499,
};

export function httpStatusOf(reply: CallReply): number {
  return 'error' in reply ? STATUS_BY_CODE[reply.error.code] : 200;
}
