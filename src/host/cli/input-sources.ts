// Reads JSON given on the command line: inline text, @file, a path, or - for standard input.
// Used by --input on every command and by positional arguments that name a file (import).
import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';

function readText(source: string, what: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new AppError(
      'NOT_FOUND',
      `Cannot read ${what} from ${source === '-' ? 'standard input' : source}: ${reason}. Pass an existing file, or - to read standard input.`,
      {
        path: source,
      },
    );
  }
}

function parseJson(text: string, what: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `${what} from ${source === '-' ? 'standard input' : source} is not valid JSON: ${(error as Error).message}.`,
      {
        path: source,
      },
    );
  }
}

/** A positional argument that names a JSON file (or - for stdin). */
export function readJsonFile(source: string, what: string): unknown {
  return parseJson(readText(source, what), what, source);
}

/**
 * The value of a file field: the file's JSON, unwrapped when the file is a `{ <field>: … }`
 * object, so that the `--json` output of one command (e.g. export) feeds another (import).
 */
export function readFileField(source: string, field: string): unknown {
  const value = readJsonFile(source, field);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === field) return (value as Record<string, unknown>)[field];
  }
  return value;
}

/** The --input option: inline JSON, @file, or - for stdin; always a JSON object. */
export function readInputOption(option: string): Record<string, unknown> {
  const trimmed = option.trim();
  const value =
    trimmed === '-' || trimmed.startsWith('@')
      ? readJsonFile(trimmed === '-' ? '-' : trimmed.slice(1), '--input')
      : parseJson(trimmed, '--input', 'the command line');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError(
      'VALIDATION',
      '--input must be a JSON object of input fields, e.g. --input \'{"title": "Write docs"}\'.',
    );
  }
  return value as Record<string, unknown>;
}
