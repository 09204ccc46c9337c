// The `orchestron` command line: builds the command tree from the registry, runs the command
// and turns the outcome into an exit code (0 ok, 1 error, 2 usage).
import { EXIT_OK, exitCodeOfCommanderError, isCommanderError, reportError } from './cli-errors.ts';
import type { CliState } from './operation-command.ts';
import { buildProgram } from './program.ts';

/** Root options that take a value, to find the first command word. */
const VALUE_OPTIONS = new Set(['--db', '--actor', '--out']);

/** `help <command…>` means `<command…> --help`, so help reaches the same lazily built command. */
function rewriteHelp(args: readonly string[]): string[] {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (VALUE_OPTIONS.has(arg)) index++;
    else if (!arg.startsWith('-')) {
      return arg === 'help'
        ? [...args.slice(0, index), ...args.slice(index + 1), '--help']
        : [...args];
    }
  }
  return [...args];
}

/** Output piped into a reader that stops early (`| head`) is not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

/** Runs one command line (the words after `orchestron`) and returns its exit code. */
export async function runCli(args: readonly string[]): Promise<number> {
  const state: CliState = { args, json: args.includes('--json') };
  const words = rewriteHelp(args);
  try {
    const program = buildProgram(state);
    await program.parseAsync(words, { from: 'user' });
    return state.exitCode ?? EXIT_OK;
  } catch (error) {
    if (isCommanderError(error)) return exitCodeOfCommanderError(error);
    return reportError(error, state.json, args);
  }
}

export async function main(): Promise<void> {
  quietOnClosedPipe();
  process.exitCode = await runCli(process.argv.slice(2));
}
