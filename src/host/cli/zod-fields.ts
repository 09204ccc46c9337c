// Reads what the CLI needs to know about an operation's input fields from their zod 4 schemas:
// the shape under optional/default/nullable/pipe wrappers, descriptions, defaults and choices.
import type { z } from 'zod';

/** The parts of a zod 4 definition we read; every property is optional because defs differ. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  shape?: Record<string, z.ZodType>;
  defaultValue?: unknown;
  format?: string;
}

/** How a field is written on the command line. */
export type FieldKind = 'boolean' | 'list' | 'value';

export interface FieldInfo {
  name: string;
  schema: z.ZodType;
  kind: FieldKind;
  /** The schema of one item of a list field (the field itself otherwise). */
  item: z.ZodType;
  description: string;
  defaultValue: unknown;
  choices: string[];
  required: boolean;
  nullable: boolean;
  /** A short placeholder for help, e.g. "ids", "json", "number". */
  placeholder: string;
}

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
  'catch',
]);

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under optional/default/nullable/pipe wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The first description and default found while unwrapping, outermost first. */
function wrapperFacts(schema: z.ZodType): { description: string; defaultValue: unknown } {
  let description = '';
  let defaultValue: unknown;
  let current: z.ZodType | undefined = schema;
  while (current) {
    const def = defOf(current);
    if (!description && current.description) description = current.description;
    if (def.type === 'default' && defaultValue === undefined) defaultValue = def.defaultValue;
    current = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
  }
  return { description, defaultValue };
}

/** The alternatives of a union (or the schema itself), each unwrapped. */
export function alternatives(schema: z.ZodType): z.ZodType[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  return def.type === 'union' && def.options ? def.options.flatMap(alternatives) : [inner];
}

export function choicesOf(schema: z.ZodType): string[] {
  return alternatives(schema).flatMap((alternative) => {
    const def = defOf(alternative);
    if (def.type === 'enum' && def.entries) return Object.values(def.entries).map(String);
    if (def.type === 'literal' && def.values) return def.values.map(String);
    return [];
  });
}

function placeholderOf(schema: z.ZodType): string {
  const types = alternatives(schema).map((alternative) => defOf(alternative));
  if (types.every((def) => def.type === 'enum' || def.type === 'literal')) return 'choice';
  if (types.some((def) => def.type === 'object' || def.type === 'array' || def.type === 'record'))
    return 'json';
  if (types.some((def) => def.type === 'string')) return types.length > 1 ? 'value' : 'text';
  if (types.every((def) => def.type === 'number'))
    return types.some((def) => def.format?.includes('int')) ? 'n' : 'number';
  return 'value';
}

export function describeField(name: string, schema: z.ZodType): FieldInfo {
  const arrays = alternatives(schema).filter((alternative) => defOf(alternative).type === 'array');
  const isBoolean = alternatives(schema).every(
    (alternative) => defOf(alternative).type === 'boolean',
  );
  const item = arrays.length === 1 ? (defOf(arrays[0]!).element ?? schema) : schema;
  const kind: FieldKind = isBoolean ? 'boolean' : arrays.length === 1 ? 'list' : 'value';
  const { description, defaultValue } = wrapperFacts(schema);
  const itemPlaceholder = placeholderOf(item);
  return {
    name,
    schema,
    kind,
    item,
    description,
    defaultValue,
    choices: choicesOf(item),
    required: !schema.safeParse(undefined).success,
    nullable: schema.safeParse(null).success,
    placeholder: kind === 'list' && itemPlaceholder === 'n' ? 'ids' : itemPlaceholder,
  };
}

/** The top-level fields of an object schema, in declaration order. */
export function describeFields(schema: z.ZodType): FieldInfo[] {
  const shape = defOf(unwrap(schema)).shape ?? {};
  return Object.entries(shape).map(([name, field]) => describeField(name, field));
}
