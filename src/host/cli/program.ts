// Builds the `orchestron` command tree by looping over the operation registry: each contract's
// `cli.command` words become a command path (a word may be both a command and a group, like
// `graph` and `graph order`), plus the commands that are not operations (serve).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { OperationContract } from '../../shared/operations/operation.ts';
import { OPERATIONS } from '../../shared/operations/registry.ts';
import { addGlobalOptions } from './global-options.ts';
import { attachOperation, type CliState } from './operation-command.ts';
import { addMcpCommand } from './mcp.command.ts';
import { addServeCommand } from './serve.command.ts';
import { packageRoot } from '../package-root.ts';

const USAGE_HINT = '(add --help for usage)';
const EXIT_CODES =
  'Exit codes: 0 ok, 1 the operation failed (error[CODE]: message), 2 the command line is wrong.';

/** Commander quotes arguments back; a huge or odd one is cut to a short excerpt. */
function shortenWords(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const words = line.replace(
        /[^\s,]{61,}/gu,
        (word) => `${[...word].slice(0, 40).join('')}… (${word.length} characters)`,
      );
      return words.length > 300 ? `${[...words].slice(0, 280).join('')}…` : words;
    })
    .join('\n');
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

function version(): string {
  try {
    const manifest = JSON.parse(
      readFileSync(join(packageRoot(import.meta.dirname), 'package.json'), 'utf8'),
    ) as {
      version?: string;
    };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The command at `words` under `root`, creating the groups on the way. */
function commandAt(
  root: Command,
  words: readonly string[],
  onNewGroup: (group: Command) => void,
): Command {
  let current = root;
  for (const word of words) {
    const existing = current.commands.find((command) => command.name() === word);
    if (!existing && current.commands.length === 0 && current !== root) onNewGroup(current);
    current = existing ?? current.command(word);
  }
  return current;
}

/** Groups that are not operations themselves list what they hold. */
function describeGroups(command: Command, operations: ReadonlyMap<Command, unknown>): void {
  for (const child of command.commands) {
    if (!operations.has(child) && child.commands.length > 0) {
      child.description(
        `${child.name()} commands: ${child.commands.map((sub) => sub.name()).join(', ')}`,
      );
      addGlobalOptions(child, true);
    }
    describeGroups(child, operations);
  }
}

/**
 * The whole tree with names and summaries; a command's options (read from its zod schema) are
 * added only when the command line reaches it, which keeps every run's start-up short.
 */
export function buildProgram(state: CliState): Command {
  const program = new Command('orchestron')
    .description(
      'Orchestron: a local task orchestrator for people and AI agents. Tasks form a dependency graph in one SQLite file.',
    )
    .version(version(), '-V, --version')
    .enablePositionalOptions()
    .helpCommand(false)
    .showHelpAfterError(USAGE_HINT)
    .showSuggestionAfterError()
    .configureOutput({ outputError: (text, write) => write(shortenWords(text)) })
    .exitOverride();
  addGlobalOptions(program, true);
  program.addHelpText(
    'after',
    `\nRun \`orchestron <command> --help\` (or \`orchestron help <command>\`) for a command's options.\n${EXIT_CODES}`,
  );
  const operations = new Map<Command, OperationContract>();
  // Each command is dispatched to at most once per run, so this attaches each at most once.
  const attachOnDispatch = (parent: Command) =>
    parent.hook('preSubcommand', (_parent, sub) => {
      const contract = operations.get(sub);
      if (contract) attachOperation(sub, contract, state);
    });
  attachOnDispatch(program);
  for (const contract of Object.values(OPERATIONS) as OperationContract[]) {
    const command = commandAt(program, contract.cli.command, attachOnDispatch);
    command.description(contract.description).summary(firstSentence(contract.description));
    operations.set(command, contract);
    for (const alias of contract.cli.aliases ?? []) {
      const other = commandAt(program, alias, attachOnDispatch);
      const same = `orchestron ${contract.cli.command.join(' ')}`;
      other.description(`${contract.description} (Same as ${same}.)`).summary(`same as ${same}`);
      operations.set(other, contract);
    }
  }
  addServeCommand(program.command('serve'), state);
  describeGroups(program, operations);
  // After describeGroups: `mcp` carries its own options and describes its own subcommands.
  addMcpCommand(program.command('mcp'), state);
  return program;
}
