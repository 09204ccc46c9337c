// A short quotation of a bad value for an error message, so that no message repeats a huge
// input: strings are JSON-quoted and cut, other values serialised within a small budget.

/** Nesting written out before deeper structure is shown as […] or {…}. */
const MAX_DEPTH = 8;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The first `length` UTF-16 units of `text`, one fewer rather than half a surrogate pair. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  return text.slice(0, isHighSurrogate(text.charCodeAt(length - 1)) ? length - 1 : length);
}

/** `text` cut to at most `max` characters with … in place of the rest, never half a pair. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${cut(text, max - 1)}…`;
}

/** Collects output until it holds `budget` characters, after which writers stop early. */
class Sink {
  private readonly parts: string[] = [];
  private length = 0;
  readonly budget: number;
  constructor(budget: number) {
    this.budget = budget;
  }
  get full(): boolean {
    return this.length >= this.budget;
  }
  write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
  text(): string {
    return this.parts.join('');
  }
}

/** Strings JSON-quoted; numbers as written in JavaScript, so NaN shows as NaN, not null. */
function writeScalar(value: unknown, sink: Sink): void {
  if (typeof value === 'string') sink.write(JSON.stringify(cut(value, sink.budget)));
  else if (typeof value === 'function') sink.write('[function]');
  else sink.write(cut(String(value), sink.budget));
}

function writeValue(value: unknown, sink: Sink, depth: number, ancestors: Set<object>): void {
  if (sink.full) return;
  if (typeof value !== 'object' || value === null) return writeScalar(value, sink);
  if (ancestors.has(value)) return sink.write('[circular]');
  if (value instanceof Date) return sink.write(JSON.stringify(value.toJSON()) ?? 'Invalid Date');
  const array = Array.isArray(value);
  if (depth >= MAX_DEPTH) return sink.write(array ? '[…]' : '{…}');
  ancestors.add(value);
  sink.write(array ? '[' : '{');
  let first = true;
  if (array) {
    for (let index = 0; index < value.length && !sink.full; index++) {
      if (!first) sink.write(',');
      first = false;
      writeValue(value[index] ?? null, sink, depth + 1, ancestors);
    }
  } else {
    for (const key in value) {
      if (sink.full) break;
      if (!Object.hasOwn(value, key)) continue;
      if (!first) sink.write(',');
      first = false;
      sink.write(`${JSON.stringify(cut(key, sink.budget))}:`);
      writeValue((value as Record<string, unknown>)[key], sink, depth + 1, ancestors);
    }
  }
  sink.write(array ? ']' : '}');
  ancestors.delete(value);
}

/** Arrays say how long they are; objects do not, as counting keys takes as long as listing them. */
const sizeNote = (value: unknown) => (Array.isArray(value) ? ` (${value.length} items)` : '');

/**
 * `value` quoted for an error message in about `max` characters: `"abc…" (12000 characters)`,
 * `[1,2,3,…] (5000 items)`. Circular, huge and deeply nested values take a bounded time, and
 * nothing a value does when read (a throwing getter) escapes.
 */
export function excerpt(value: unknown, max = 60): string {
  const limit = Math.max(1, Math.floor(max));
  if (typeof value === 'string') {
    if (value.length <= limit) return JSON.stringify(value);
    return `${JSON.stringify(cut(value, limit)).slice(0, -1)}…" (${value.length} characters)`;
  }
  try {
    const sink = new Sink(limit + 1);
    writeValue(value, sink, 0, new Set());
    const text = sink.text();
    return text.length <= limit ? text : `${cut(text, limit)}…${sizeNote(value)}`;
  } catch {
    return `[an unreadable ${typeof value}]`;
  }
}
