// What a tool call answers: the operation's output as structuredContent with a short text for
// clients that show text only, or an isError result whose text says how to fix the call, worded
// in tool terms ("Use list_tasks to find the right id").
import type { CallToolResult } from '@modelcontextprotocol/server';
import { toErrorPayload } from '../../shared/errors.ts';
import { messageWithHints } from '../../shared/operations/hint-wording.ts';
import { clip } from '../../shared/text/excerpt.ts';
import type { Notice } from './notices.ts';

/** The text beside structuredContent stays this short; the full result is the structured one. */
export const MAX_TEXT = 1_024;
/** A summary of a result without a message, shorter still. */
const MAX_SUMMARY = 400;
export const NOTICES_META_KEY = 'orchestron/notices';
/** Where a failed call's { code, message, details, hints } go: structuredContent would have to
 * match the tool's output schema, which describes a success. */
export const ERROR_META_KEY = 'orchestron/error';
/** Items of a list named in the text before "…". */
const LISTED = 5;

type Fields = { [key: string]: unknown };

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `#12 "Schema" (in_progress)` for anything with an id and a title; else null. */
function itemLine(value: unknown): string | null {
  if (!isRecord(value) || typeof value['id'] !== 'number') return null;
  const title = typeof value['title'] === 'string' ? ` "${clip(value['title'], 60)}"` : '';
  const status = typeof value['status'] === 'string' ? ` (${value['status']})` : '';
  return `#${value['id']}${title}${status}`;
}

function listLine(items: readonly unknown[]): string {
  const named = items.slice(0, LISTED).map(itemLine);
  if (named.some((line) => line === null)) return `${items.length}`;
  const more = items.length > LISTED ? `, … (${items.length} in all)` : '';
  return `${named.join(', ')}${more}`;
}

/**
 * A short rendering of a result without a message, by its shape (nothing here knows a tool):
 * the task it is about, each non-empty list with its first items, and the other set values.
 */
function summary(output: unknown): string {
  if (!isRecord(output)) return clip(JSON.stringify(output) ?? 'null', MAX_SUMMARY);
  const parts: string[] = [];
  const empty: string[] = [];
  for (const [key, value] of Object.entries(output)) {
    if (value === null || value === false || value === '' || value === 0) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`${key}: ${listLine(value)}`);
      else empty.push(key);
    } else if (isRecord(value)) {
      const line = itemLine(value);
      if (line) parts.push(key === 'task' ? line : `${key}: ${line}`);
    } else {
      parts.push(`${key}: ${clip(String(value), 80)}`);
    }
  }
  if (parts.length > 0) return clip(parts.join('; '), MAX_SUMMARY);
  return empty.length > 0 ? `${empty.join(', ')}: none` : 'Done.';
}

/** The output's own `message`, else a short summary of it; the whole result is structured. */
export function renderText(output: unknown): string {
  const message = isRecord(output) ? output['message'] : undefined;
  const text = typeof message === 'string' && message.length > 0 ? message : summary(output);
  return clip(text, MAX_TEXT);
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
