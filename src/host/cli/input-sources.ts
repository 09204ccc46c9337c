// Reads JSON given on the command line: inline text, @file, a path, or - for standard input.
// Used by --input on every command and by positional arguments that name a file (import), and
// reads the text files that some positional arguments name (convert).
// Files must be UTF-8: other bytes are refused rather than stored as U+FFFD.
import { readFileSync, readSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { excerpt } from '../../shared/text/excerpt.ts';
import { checkInputShape } from '../../shared/input-guard.ts';
import { decodeUtf8, formatByte } from '../../shared/text/utf8.ts';

const sourceName = (source: string) =>
  source === '-' ? 'standard input' : source.length > 200 ? excerpt(source, 80) : source;

/** How long to wait when a non-blocking stdin pipe has no data yet (EAGAIN) before reading again. */
const STDIN_RETRY_MS = 5;

/**
 * All of standard input. readFileSync(0) fails with EAGAIN when the pipe is non-blocking and
 * the writer is slower than us (a 200 KB document piped in), so read until end of input.
 */
function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    let count: number;
    try {
      count = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break; // Windows, at the end of a pipe
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, STDIN_RETRY_MS);
      continue;
    }
    if (count === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks);
}

function readBytes(source: string, what: string): Buffer {
  try {
    return source === '-' ? readStdin() : readFileSync(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // the system's message repeats the path, which may be huge: say only what went wrong
    const reason =
      code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message.slice(0, 200));
    throw new AppError(
      'NOT_FOUND',
      `Cannot read ${what} from ${sourceName(source)}: ${reason}. Pass an existing file, or - to read standard input.`,
      {
        path: excerpt(source, 200),
      },
    );
  }
}

function readText(source: string, what: string): string {
  const decoded = decodeUtf8(readBytes(source, what));
  if (decoded.ok) return decoded.text;
  throw new AppError(
    'VALIDATION',
    `${what} from ${sourceName(source)} is not UTF-8 text (byte ${formatByte(decoded.byte)} at offset ${decoded.offset}, counting from 0); save it as UTF-8 and try again.`,
    { path: source, offset: decoded.offset },
  );
}

function parseJson(text: string, what: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `${what} from ${sourceName(source)} is not valid JSON: ${(error as Error).message}.`,
      {
        path: source,
      },
    );
  }
}

/**
 * A positional argument that names a text file (or - for stdin): its UTF-8 text. A NUL byte
 * means the file is binary, refused here with its line and column rather than by index later.
 */
export function readTextFile(source: string, what: string): string {
  const text = readText(source, what);
  const nul = text.indexOf('\0');
  if (nul === -1) return text;
  const before = text.slice(0, nul);
  const line = before.split('\n').length;
  const column = nul - before.lastIndexOf('\n');
  throw new AppError(
    'VALIDATION',
    `${what} from ${sourceName(source)} has a NUL byte at line ${line}, column ${column}: it is a binary file, not text. Pass a UTF-8 text file.`,
    { path: source, line, column },
  );
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

/**
 * The --input option: inline JSON, @file, or - for stdin; always a JSON object, of a shape
 * checkInputShape accepts (so 100,000 levels of nesting are refused, not a crash).
 */
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
  checkInputShape(value);
  return value as Record<string, unknown>;
}
