// Turns command-line strings into input values, generically: each string is read the way its
// field's schema accepts it (null, JSON, number, boolean or the text itself), and a value no
// reading makes valid is refused with the schema's message and the flag as typed.
import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { excerpt } from '../../shared/text/excerpt.ts';
import type { FieldInfo } from './zod-fields.ts';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function readings(raw: string): unknown[] {
  const candidates: unknown[] = [];
  const trimmed = raw.trim();
  if (trimmed === 'null') candidates.push(null);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      candidates.push(JSON.parse(trimmed));
    } catch {
      // not JSON after all: read as text below
    }
  }
  if (NUMBER.test(trimmed)) candidates.push(Number(trimmed));
  if (trimmed === 'true' || trimmed === 'false') candidates.push(trimmed === 'true');
  candidates.push(raw);
  return candidates;
}

/** The first reading of `raw` that `schema` accepts, else the likeliest one. */
export function coerceScalar(raw: string, schema: z.ZodType): unknown {
  const candidates = readings(raw);
  const accepted = candidates.findIndex((candidate) => schema.safeParse(candidate).success);
  if (accepted >= 0) return candidates[accepted];
  return candidates.find((candidate) => candidate !== null && typeof candidate !== 'string') ?? raw;
}

/** One occurrence of a list flag: a JSON array, a comma-separated list, or one item. */
function listItems(raw: string, field: FieldInfo): unknown[] {
  const trimmed = raw.trim();
  if (trimmed.startsWith('[')) {
    const whole = coerceScalar(trimmed, field.schema);
    if (Array.isArray(whole)) return whole;
  }
  const single = coerceScalar(raw, field.item);
  if (field.item.safeParse(single).success || !raw.includes(',')) return [single];
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const items = parts.map((part) => coerceScalar(part, field.item));
  return items.every((item) => field.item.safeParse(item).success) ? items : [single];
}

/** The input value for a field from its occurrences on the command line. */
export function coerceField(field: FieldInfo, raw: string | boolean | readonly string[]): unknown {
  if (typeof raw === 'boolean') return raw;
  if (field.kind !== 'list')
    return coerceScalar(typeof raw === 'string' ? raw : (raw.at(-1) ?? ''), field.schema);
  const occurrences = typeof raw === 'string' ? [raw] : raw;
  if (occurrences.length === 1 && occurrences[0]!.trim() === 'null' && field.nullable) return null;
  const items = occurrences.flatMap((occurrence) => listItems(occurrence, field));
  if (field.schema.safeParse(items).success || items.length !== 1) return items;
  return field.schema.safeParse(items[0]).success ? items[0] : items;
}

/**
 * Refuses a value its field's schema rejects, naming the flag or argument it came from, so the
 * message points at the command line rather than at the operation's field.
 */
export function checkValue(field: FieldInfo, value: unknown, written: string): void {
  const result = field.schema.safeParse(value, { reportInput: true });
  if (result.success) return;
  const generic = (message: string) => /^Invalid input/.test(message) && field.choices.length > 0;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.filter((key) => typeof key === 'string').join('.');
    // a missing part of a JSON value is named, as the core names a missing field
    if (issue.code === 'invalid_type' && issue.input === undefined && path)
      return `${path} is required`;
    const message = generic(issue.message)
      ? `expected one of ${field.choices.join(', ')}`
      : issue.message;
    return path ? `${path}: ${message}` : message;
  });
  throw new AppError(
    'VALIDATION',
    `Invalid ${written} ${excerpt(value)}: ${[...new Set(problems)].join('; ')}. See --help for what it accepts.`,
    { field: field.name, value: excerpt(value, 200) },
  );
}
