// The checks a step's verification is written with, one per line: `exit: 0`, `output: /regex/m`,
// `contains: text`. Read by the task-Markdown parser, written back by its renderer, and checked
// the same way when a document arrives as JSON.

export type VerifyKey = 'exit_code' | 'output_pattern' | 'output_contains';

export type VerifyCheck =
  | { key: 'exit_code'; value: number }
  | { key: 'output_pattern'; value: string; flags: string }
  | { key: 'output_contains'; value: string };

/** What a check line failed on, with the 0-based index in the line where the problem starts. */
export interface CheckProblem {
  message: string;
  index: number;
  /** The line does not start with a check's name at all (it may be prose). */
  unknownKey?: boolean;
}

/** `g` and `y` make a pattern remember where it stopped, so a second test of it could differ. */
export const PATTERN_FLAGS = 'imsu';

const KEYS: ReadonlyMap<string, VerifyKey> = new Map([
  ['exit', 'exit_code'],
  ['exit code', 'exit_code'],
  ['exit_code', 'exit_code'],
  ['output', 'output_pattern'],
  ['output_pattern', 'output_pattern'],
  ['matches', 'output_pattern'],
  ['contains', 'output_contains'],
  ['output_contains', 'output_contains'],
]);

/** Longest first, so that `exit code: 0` is read as the key `exit code`, not `exit`. */
const KEY_NAMES = [...KEYS.keys()].sort((a, b) => b.length - a.length);

export const CHECK_SYNTAX = 'exit: 0, output: /regex/ or contains: text';

/** Why `source` with `flags` is not a usable pattern, or null when it is. */
export function patternProblem(source: string, flags: string): string | null {
  if (source === '')
    return 'the pattern is empty; write what the output must match between the slashes';
  if (/[\r\n]/.test(source)) return 'a pattern must fit on one line';
  const bad = [...flags].find((flag) => !PATTERN_FLAGS.includes(flag));
  if (bad !== undefined)
    return `unknown pattern flag "${bad}"; the flags are i (ignore case), m (^ and $ at each line), s (. matches newlines) and u (Unicode)`;
  if (new Set(flags).size !== flags.length) return `the flags "${flags}" repeat a letter`;
  try {
    // compiling is the check; RegExp() without `new` builds the same expression
    RegExp(source, flags);
    return null;
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
}

function exitCheck(text: string, at: number): VerifyCheck | CheckProblem {
  if (!/^\d{1,3}$/.test(text) || Number(text) > 255)
    return {
      message: `the exit code must be a whole number from 0 to 255, not "${text}"`,
      index: at,
    };
  return { key: 'exit_code', value: Number(text) };
}

function patternCheck(text: string, at: number): VerifyCheck | CheckProblem {
  const end = text.lastIndexOf('/');
  if (!text.startsWith('/') || end === 0)
    return { message: `write the pattern between slashes, e.g. output: /^ready$/m`, index: at };
  const source = text.slice(1, end);
  const flags = text.slice(end + 1);
  const problem = patternProblem(source, flags);
  if (problem !== null) return { message: problem, index: at + 1 };
  return { key: 'output_pattern', value: source, flags };
}

/** One check line, read; `text` is the line without its `Verify:` prefix, if any. */
export function parseCheck(text: string): VerifyCheck | CheckProblem {
  const start = text.length - text.trimStart().length;
  const body = text.slice(start).toLowerCase();
  const name = KEY_NAMES.find(
    (candidate) =>
      body.startsWith(candidate) && /^(?:\s*:|\s|$)/.test(body.slice(candidate.length)),
  );
  if (name === undefined) {
    const word = text.trim().split(/[\s:]/)[0] ?? '';
    return {
      message: `unknown check "${word}": write ${CHECK_SYNTAX}`,
      index: start,
      unknownKey: true,
    };
  }
  const key = KEYS.get(name)!;
  const separator = /^\s*:?\s*/.exec(text.slice(start + name.length))![0];
  const at = start + name.length + separator.length;
  const value = text.slice(at).trimEnd();
  if (value === '') return { message: `"${name}" needs a value: write ${CHECK_SYNTAX}`, index: at };
  if (key === 'exit_code') return exitCheck(value, at);
  if (key === 'output_pattern') return patternCheck(value, at);
  return { key: 'output_contains', value };
}

export function isCheckProblem(value: VerifyCheck | CheckProblem): value is CheckProblem {
  return 'message' in value;
}

/** The lines of a ```verify block for these checks, in a fixed order. */
export function checkLines(verify: {
  exit_code?: number | undefined;
  output_pattern?: string | undefined;
  output_flags?: string | undefined;
  output_contains?: string | undefined;
}): string[] {
  const lines: string[] = [];
  if (verify.exit_code !== undefined) lines.push(`exit: ${verify.exit_code}`);
  if (verify.output_pattern !== undefined)
    lines.push(`output: /${verify.output_pattern}/${verify.output_flags ?? ''}`);
  if (verify.output_contains !== undefined) lines.push(`contains: ${verify.output_contains}`);
  return lines;
}
