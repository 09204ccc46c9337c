// What a tool call answers: the operation's output as structuredContent with a short text for
// clients that show text only, or an isError result whose text says how to fix the call, worded
// in tool terms ("Use list_tasks to find the right id").
import type { CallToolResult } from '@modelcontextprotocol/server';
import { toErrorPayload } from '../../shared/errors.ts';
import { messageWithHints } from '../../shared/operations/hint-wording.ts';
import type { Notice } from './notices.ts';

/** The text beside structuredContent stays this short; the full result is the structured one. */
export const MAX_TEXT = 1_024;
export const NOTICES_META_KEY = 'orchestron/notices';
/** Where a failed call's { code, message, details, hints } go: structuredContent would have to
 * match the tool's output schema, which describes a success. */
export const ERROR_META_KEY = 'orchestron/error';

/** The output's own `message`, else its compact JSON, cut to MAX_TEXT. */
export function renderText(output: unknown): string {
  const message = (output as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message.length > 0 && message.length <= MAX_TEXT)
    return message;
  const json = JSON.stringify(output) ?? 'null';
  if (json.length <= MAX_TEXT) return json;
  const rest = json.length - (MAX_TEXT - 80);
  return `${json.slice(0, MAX_TEXT - 80)}… (${rest} more characters in structuredContent)`;
}

export function successResult(output: unknown, notice: Notice | null): CallToolResult {
  const text = renderText(output);
  const result: CallToolResult = {
    content: [{ type: 'text', text: notice ? `${text}\n${notice.text}` : text }],
    structuredContent: output as Record<string, unknown>,
  };
  if (notice) result._meta = { [NOTICES_META_KEY]: notice.meta };
  return result;
}

/** Any failure as an isError result; an unexpected one reads as INTERNAL, never as a crash. */
export function errorResult(error: unknown): CallToolResult {
  const payload = toErrorPayload(error);
  return {
    isError: true,
    content: [{ type: 'text', text: `error[${payload.code}]: ${messageWithHints(payload)}` }],
    _meta: { [ERROR_META_KEY]: payload },
  };
}
