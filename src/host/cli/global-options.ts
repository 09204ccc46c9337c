// The options every command accepts (--db, --actor, --json, --out), given before or after the
// command words, and how they resolve to defaults from the environment.
import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { resolveDatabasePath } from '../../core/store/data-dir.ts';
import { AppError } from '../../shared/errors.ts';
import { excerpt } from '../../shared/text/excerpt.ts';
import { findControlCharacter } from '../../shared/text/unicode-checks.ts';

export interface GlobalOptions {
  databasePath: string;
  actor: string;
  json: boolean;
  out: string | undefined;
}

export const GLOBAL_OPTIONS_HEADING = 'Global options:';

export function addGlobalOptions(command: Command, withOut: boolean): Command {
  const options = [
    new Option(
      '--db <path>',
      'database file (default: $ORCHESTRON_HOME/orchestron.db or the per-user data folder)',
    ),
    new Option(
      '--actor <name>',
      'who is acting, recorded in the event log (default: $ORCHESTRON_ACTOR or cli:<user>)',
    ),
    new Option('--json', 'print the result as one JSON document (errors as {"error": …})'),
  ];
  if (withOut)
    options.push(
      new Option('--out <file>', 'write the result to this file instead of standard output'),
    );
  for (const option of options) command.addOption(option.helpGroup(GLOBAL_OPTIONS_HEADING));
  return command;
}

function defaultActor(): string {
  const fromEnv = process.env['ORCHESTRON_ACTOR']?.trim();
  if (fromEnv) return fromEnv;
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = process.env['USER'] ?? process.env['USERNAME'];
  }
  return `cli:${user || 'unknown'}`;
}

/** Longest actor recorded on events; it is written into every event of the call. */
const MAX_ACTOR = 200;

/** Refuses an actor too long to record or holding control characters, saying where it came from. */
function checkActor(actor: string): string {
  const problem =
    actor.length > MAX_ACTOR
      ? `is ${actor.length} characters long; at most ${MAX_ACTOR} are allowed`
      : findControlCharacter(actor, { multiline: false }) !== null || !actor.isWellFormed()
        ? 'contains control characters or broken text'
        : null;
  if (problem === null) return actor;
  throw new AppError(
    'VALIDATION',
    `The actor ${excerpt(actor, 40)} (from --actor or ORCHESTRON_ACTOR) ${problem}; pass a short name such as cli:ann.`,
  );
}

/** The global options of the running command, the nearest command's value winning. */
export function resolveGlobalOptions(command: Command): GlobalOptions {
  const merged: Record<string, unknown> = {};
  for (let current: Command | null = command; current; current = current.parent) {
    for (const [key, value] of Object.entries(current.opts())) {
      if (value !== undefined && !(key in merged)) merged[key] = value;
    }
  }
  const text = (key: string) =>
    typeof merged[key] === 'string' ? (merged[key] as string) : undefined;
  return {
    databasePath: resolveDatabasePath(text('db')),
    actor: checkActor(text('actor')?.trim() || defaultActor()),
    json: merged['json'] === true,
    out: text('out'),
  };
}
