// Words an error's fix hints as command lines: "To find the right id: orchestron task list".
// A hint for the command that failed repeats the command line with the changed flags; one for
// another operation is built from that operation's command words, arguments and flags.
import { isPlaceholder, type ErrorPayload, type FixHint } from '../../shared/errors.ts';
import { isOperationName, OPERATIONS } from '../../shared/operations/registry.ts';
import { FIELD_ALIASES, kebab } from './field-options.ts';
import { shellQuote } from './render/render-output.ts';

function flagOf(field: string): string {
  return `--${FIELD_ALIASES[field] ?? kebab(field)}`;
}

function valueWords(value: unknown): string {
  if (isPlaceholder(value)) return `<${value.placeholder.replaceAll(' ', '-')}>`;
  if (Array.isArray(value)) return shellQuote(value.map(String).join(','));
  if (value === null) return 'null';
  return shellQuote(typeof value === 'string' ? value : JSON.stringify(value));
}

function flagWords(field: string, value: unknown): string[] {
  if (value === true) return [flagOf(field)];
  if (value === false) return [`--no-${kebab(field)}`];
  return [flagOf(field), valueWords(value)];
}

/** The command line without the flags the hint sets (and their values). */
function withoutFlags(args: readonly string[], fields: readonly string[]): string[] {
  const flags = new Set(
    fields.flatMap((field) => [flagOf(field), `--${kebab(field)}`, `--no-${kebab(field)}`]),
  );
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const name = arg.split('=')[0]!;
    if (!flags.has(name)) kept.push(arg);
    else if (
      !arg.includes('=') &&
      !name.startsWith('--no-') &&
      args[index + 1] !== undefined &&
      !args[index + 1]!.startsWith('--')
    )
      index++;
  }
  return kept;
}

export function hintCommand(hint: FixHint, failed: ErrorPayload, args: readonly string[]): string {
  const entries = Object.entries(hint.input);
  if (hint.operation === failed.operation) {
    const base = withoutFlags(args.map(shellQuote), Object.keys(hint.input));
    return [
      'orchestron',
      ...base,
      ...entries.flatMap(([field, value]) => flagWords(field, value)),
    ].join(' ');
  }
  if (!isOperationName(hint.operation)) return hint.operation;
  const cli = OPERATIONS[hint.operation].cli;
  const positional = cli.positional ?? [];
  const words = ['orchestron', ...cli.command];
  for (const field of positional)
    if (field in hint.input) words.push(valueWords(hint.input[field]));
  for (const [field, value] of entries)
    if (!positional.includes(field)) words.push(...flagWords(field, value));
  return words.join(' ');
}

/** The lines that follow an error message: one "To …: command" per hint. */
export function hintLines(error: ErrorPayload, args: readonly string[]): string[] {
  return (error.hints ?? []).map(
    (hint) => `  To ${hint.action}: ${hintCommand(hint, error, args)}`,
  );
}
