// The command-line options of an operation's input fields: `--kebab-name <value>` for values,
// repeatable for lists, `--flag`/`--no-flag` for booleans, with help from the zod schemas.
import { Option } from 'commander';
import { InvariantError } from '../../shared/errors.ts';
import type { FieldInfo } from './zod-fields.ts';

/** Friendlier flags for fields many operations share (e.g. `--depends-on 3,4`). */
export const FIELD_ALIASES: Readonly<Record<string, string>> = {
  dependencies: 'depends-on',
  project_id: 'project',
  parent_id: 'parent',
};

/** Flags the CLI itself owns; an input field with one of these names would be unreachable. */
export const RESERVED_FLAGS = new Set(['db', 'actor', 'json', 'out', 'input', 'help', 'version']);

export function kebab(name: string): string {
  return name.replaceAll('_', '-');
}

function aliasOf(field: FieldInfo, fieldNames: ReadonlySet<string>): string | undefined {
  const explicit = FIELD_ALIASES[field.name];
  if (explicit) return explicit;
  if (field.kind !== 'list' || !/[^s]s$/.test(field.name) || field.name.endsWith('ies'))
    return undefined;
  const singular = field.name.slice(0, -1);
  return fieldNames.has(singular) ? undefined : kebab(singular);
}

function printable(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function helpText(field: FieldInfo): string {
  const parts = [field.description || field.name.replaceAll('_', ' ')];
  if (field.kind === 'list') {
    const numeric = field.placeholder === 'ids' ? ', comma-separated (3,4)' : '';
    parts.push(`(repeatable${numeric}, or a JSON array)`);
  }
  if (field.placeholder === 'json' && field.kind !== 'list') parts.push('(JSON)');
  const unlisted = field.choices.some((choice) => !field.description.includes(choice));
  if (field.choices.length > 0 && unlisted) parts.push(`(choices: ${field.choices.join(', ')})`);
  if (field.nullable && field.kind !== 'boolean') parts.push('(null to clear)');
  if (field.required) parts.push('(required)');
  const hasDefault =
    ![undefined, ''].includes(field.defaultValue as string) &&
    !(Array.isArray(field.defaultValue) && field.defaultValue.length === 0);
  if (hasDefault) parts.push(`(default: ${printable(field.defaultValue)})`);
  return parts.join(' ');
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The commander options of one field, and the attribute names commander stores them under. */
export function fieldOptions(field: FieldInfo, fieldNames: ReadonlySet<string>): Option[] {
  const flag = kebab(field.name);
  if (RESERVED_FLAGS.has(flag)) {
    throw new InvariantError(
      `Input field "${field.name}" clashes with the CLI's own --${flag} option; rename the field.`,
    );
  }
  if (field.kind === 'boolean') {
    return [
      new Option(`--${flag}`, helpText(field)),
      new Option(`--no-${flag}`, `set ${field.name} to false`),
    ];
  }
  const alias = aliasOf(field, fieldNames);
  const flags = `${alias ? `--${alias}, ` : ''}--${flag} <${field.placeholder}>`;
  const option = new Option(flags, helpText(field));
  return [field.kind === 'list' ? option.argParser(collect) : option];
}
