// The JSON Schemas that tools/list advertises, derived from an operation's zod contract, and
// wrapped so that the SDK accepts every argument as is: the core's own parser then checks it
// and names each bad field and its fix, instead of the SDK answering with generic text.
//
// The advertised forms are compact, because tools/list is paid for in every agent's context:
// inputs keep fields, types, enums, defaults, descriptions and what is required, but not the
// length and range limits (the core states a limit when a call breaks it); outputs name the
// fields every result has (structuredContent holds the whole result).
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import { z } from 'zod';

type Json = Record<string, unknown>;
type Direction = 'input' | 'output';

/** Keywords left out of the advertised input schemas: limits the core enforces and explains. */
const LIMIT_KEYWORDS = new Set([
  '$schema',
  // Unknown fields are refused all the same, with a message listing the accepted ones.
  'additionalProperties',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'pattern',
  // record keys are strings in JSON anyway
  'propertyNames',
]);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The input schema without limit keywords. Unions stay `anyOf` branches of one type each: a
 * `type` list is less portable (the Inspector's --strict flags it; single-type dialects such as
 * Gemini's reject it).
 */
export function compactInputSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compactInputSchema);
  if (!isObject(node)) return node;
  const kept: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (LIMIT_KEYWORDS.has(key)) continue;
    // an optional field defaults to absent, which the core reads as null
    if (key === 'default' && value === null) continue;
    kept[key] =
      key === 'properties' && isObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, field]) => [name, compactInputSchema(field)]),
          )
        : key === 'default' || key === 'enum' || key === 'const'
          ? value
          : compactInputSchema(value);
  }
  return kept;
}

/**
 * The output schema as the fields every result has: what a client can check, at a fraction of
 * the size of the full shapes (structuredContent carries them, and no client shows an output
 * schema to its model).
 */
export function requiredFieldsSchema(schema: Json): Json {
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  return { type: 'object', required };
}

function toJson(schema: z.ZodType, direction: Direction): Json {
  const full = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: direction,
    // A transform has no JSON form; it is advertised as "anything" there.
    unrepresentable: 'any',
  }) as Json;
  return direction === 'input' ? (compactInputSchema(full) as Json) : requiredFieldsSchema(full);
}

/**
 * A schema whose validation accepts anything (the core validates input, and tests check every
 * output against its full schema) and whose JSON form is the compact one, built on first use.
 * `schema` is called only then, so a contract's zod schema is built when tools/list needs it.
 */
export function advertisedSchema(schema: () => z.ZodType, direction: Direction) {
  let json: Json | undefined;
  const convert = (): Json => (json ??= toJson(schema(), direction));
  const wrapped: StandardSchemaWithJSON<Json> = {
    '~standard': {
      version: 1,
      vendor: 'orchestron',
      validate: (value) => ({ value: value as Json }),
      jsonSchema: { input: convert, output: convert },
    },
  };
  return wrapped;
}
