// How an error's fix hints read to a caller of the operations themselves (agents over MCP, the
// web API, tests): "Pass on_dependents: "cascade" to delete them too" for the same operation,
// "Use list_tasks to find the right id" for another. The CLI words hints as command lines.
import { isPlaceholder, type ErrorPayload, type FixHint } from '../errors.ts';

function shown(value: unknown): string {
  return isPlaceholder(value) ? `<${value.placeholder}>` : JSON.stringify(value);
}

function fields(input: Record<string, unknown>): string {
  return Object.entries(input)
    .map(([key, item]) => `${key}: ${shown(item)}`)
    .join(' and ');
}

/** The sentence that words every hint of a failed call, or '' when it has none. */
export function wordHints(hints: readonly FixHint[], failedOperation?: string): string {
  const parts: string[] = [];
  let previousKeys = '';
  for (const hint of hints) {
    const keys = Object.keys(hint.input).join(',');
    const same = hint.operation === failedOperation;
    if (same && parts.length > 0 && keys === previousKeys && Object.keys(hint.input).length === 1) {
      parts.push(`or ${shown(Object.values(hint.input)[0])} to ${hint.action}`);
    } else if (same) {
      parts.push(
        `${parts.length > 0 ? 'or pass' : 'Pass'} ${fields(hint.input)} to ${hint.action}`,
      );
    } else {
      const input = Object.keys(hint.input).length > 0 ? ` with ${fields(hint.input)}` : '';
      parts.push(
        `${parts.length > 0 ? 'or use' : 'Use'} ${hint.operation}${input} to ${hint.action}`,
      );
    }
    previousKeys = same ? keys : '';
  }
  return parts.length > 0 ? `${parts.join(', ')}.` : '';
}

/** The message followed by its hints, as an agent or API client reads it. */
export function messageWithHints(
  error: Pick<ErrorPayload, 'message' | 'hints' | 'operation'>,
): string {
  const hints = wordHints(error.hints ?? [], error.operation);
  return hints ? `${error.message} ${hints}` : error.message;
}
