// Reads an incoming protocol message: JSON text (WebSocket) or a cloned value (MessagePort) in,
// a typed message or a VALIDATION payload out, whose words say what was wrong and what to send.
import type * as z from 'zod/mini';
import type { ErrorPayload } from '../errors.ts';
import {
  ClientMessageSchema,
  CoreMessageSchema,
  HelloSchema,
  type CallId,
  type ClientMessage,
  type CoreMessage,
  type Hello,
} from './messages.ts';

export type Parsed<T> =
  | { ok: true; message: T }
  /** `id` is the call the bad message meant to make, when it could be read, so it can be answered. */
  | { ok: false; id: CallId | null; error: ErrorPayload };

const CLIENT_EXAMPLE = 'send { "type": "call", "id": 1, "name": "<operation>", "input": { ... } }';

function place(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the message' : `"${path.map(String).join('.')}"`;
}

/** One issue in words; zod/mini carries no locale, so the wording is ours. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const at = place(issue.path);
  switch (issue.code) {
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `${at} must be one of ${issue.options.map((option) => `"${String(option)}"`).join(', ')}`
        : `${at} has none of the accepted shapes`;
    case 'unrecognized_keys':
      return `${at} has unknown fields ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_type':
      return `${at} must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return `${at} must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters long' : ''}`;
    case 'too_big':
      return `${at} must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters long' : ''}`;
    case 'invalid_value':
      return `${at} must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    default:
      return `${at} is not valid`;
  }
}

function idOf(value: unknown): CallId | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

function refusal(value: unknown, what: string, issues: readonly z.core.$ZodIssue[]) {
  const reasons = issues.slice(0, 3).map(describeIssue).join('; ');
  return {
    ok: false as const,
    id: idOf(value),
    error: {
      code: 'VALIDATION' as const,
      message: `Not a valid ${what}: ${reasons}.`,
      details: {
        issues: issues.map((issue) => ({ path: issue.path.map(String), code: issue.code })),
      },
    },
  };
}

/** A message a client sent to the core. */
export function parseClientMessage(value: unknown): Parsed<ClientMessage> {
  const parsed = ClientMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const answer = refusal(value, 'client message', parsed.error.issues);
  answer.error.message = answer.error.message.replace(/\.$/, `; ${CLIENT_EXAMPLE}.`);
  return answer;
}

/** The first message of a connection; its refusal is short, as it becomes a close reason. */
export function parseHello(value: unknown): Parsed<Hello> {
  const parsed = HelloSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    id: null,
    error: {
      code: 'VALIDATION',
      message: `Bad hello: ${first ? describeIssue(first) : 'not valid'}.`,
    },
  };
}

/** A message the core sent to a client. */
export function parseCoreMessage(value: unknown): Parsed<CoreMessage> {
  const parsed = CoreMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data as CoreMessage };
  return refusal(value, 'message from the core', parsed.error.issues);
}

/** JSON text to a value, or the VALIDATION payload saying the text is not JSON. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; id: null; error: ErrorPayload } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      id: null,
      error: {
        code: 'VALIDATION',
        message: `The message is not valid JSON (${(error as Error).message}); ${CLIENT_EXAMPLE}.`,
      },
    };
  }
}
