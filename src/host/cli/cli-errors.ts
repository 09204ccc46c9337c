// Exit codes and how failures are reported: 0 ok, 1 an error from the operation (printed as
// `error[CODE]: message`, and as {"error": …} on stdout with --json), 2 a malformed command line.
import { CommanderError } from 'commander';
import { toErrorPayload } from '../../shared/errors.ts';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** Commander's codes for output the user asked for, which are not failures. */
const NOT_FAILURES = new Set(['commander.helpDisplayed', 'commander.version']);

export function exitCodeOfCommanderError(error: CommanderError): number {
  return NOT_FAILURES.has(error.code) ? EXIT_OK : EXIT_USAGE;
}

export function isCommanderError(error: unknown): error is CommanderError {
  return error instanceof CommanderError;
}

/** Prints an operation's (or an unexpected) failure and returns the exit code. */
export function reportError(error: unknown, json: boolean): number {
  const payload = toErrorPayload(error);
  process.stderr.write(`error[${payload.code}]: ${payload.message}\n`);
  if (
    payload.code === 'INTERNAL' &&
    process.env['ORCHESTRON_DEBUG'] &&
    error instanceof Error &&
    error.stack
  ) {
    process.stderr.write(`${error.stack}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ error: payload })}\n`);
  return EXIT_ERROR;
}
