// Exit codes and how failures are reported: 0 ok, 1 an error from the operation (printed as
// `error[CODE]: message` with how to fix it as commands, and as {"error": …} on stdout with
// --json), 2 a malformed command line, 130 cancelled with Ctrl-C.
import { CommanderError } from 'commander';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import { FIELD_ALIASES, kebab } from './field-options.ts';
import { hintLines } from './hint-command.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

/** Commander's codes for output the user asked for, which are not failures. */
const NOT_FAILURES = new Set(['commander.helpDisplayed', 'commander.version']);

export function exitCodeOfCommanderError(error: CommanderError): number {
  return NOT_FAILURES.has(error.code) ? EXIT_OK : EXIT_USAGE;
}

export function isCommanderError(error: unknown): error is CommanderError {
  return error instanceof CommanderError;
}

interface Issue {
  path: string[];
  message: string;
}

/** A validation error's issues with each field named by its flag, as the user typed it. */
function inCommandTerms(payload: ErrorPayload): string {
  const issues = payload.details?.['issues'] as Issue[] | undefined;
  if (payload.code !== 'VALIDATION' || !Array.isArray(issues) || issues.length === 0)
    return payload.message;
  const described = issues.map(({ path, message }) => {
    const [field, ...rest] = path;
    if (field === undefined) return message;
    const flag = `--${FIELD_ALIASES[field] ?? kebab(field)}`;
    const shown = message.startsWith(`${path.join('.')}: `)
      ? message.slice(path.join('.').length + 2)
      : message;
    return `${[flag, ...rest].join('.')}: ${shown}`;
  });
  return `Invalid input: ${described.join('; ')}.`;
}

/** Prints an operation's (or an unexpected) failure and returns the exit code. */
export function reportError(error: unknown, json: boolean, args: readonly string[] = []): number {
  const payload = toErrorPayload(error);
  const lines = [`error[${payload.code}]: ${inCommandTerms(payload)}`, ...hintLines(payload, args)];
  process.stderr.write(`${lines.join('\n')}\n`);
  if (
    payload.code === 'INTERNAL' &&
    process.env['ORCHESTRON_DEBUG'] &&
    error instanceof Error &&
    error.stack
  ) {
    process.stderr.write(`${error.stack}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ error: payload })}\n`);
  return payload.code === 'CANCELLED' ? EXIT_CANCELLED : EXIT_ERROR;
}
