// Checks a RunSpec and fills in its defaults before anything is created or started, so bad input
// is refused with a message that says how to fix it and nothing runs.
import { isAbsolute } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { LANGUAGES, SANDBOX_CHOICES, type RunSpec } from './run-types.ts';

const MIB = 1024 * 1024;
/** Code is typed or generated text; a megabyte is far past any real script and bounds the copy. */
export const MAX_CODE_BYTES = MIB;
export const MAX_TIMEOUT_SECONDS = 3600;

export type NormalizedRunSpec = Required<
  Omit<RunSpec, 'workingDirectory' | 'projectRoot' | 'stdin' | 'database' | 'preparedWork'>
> &
  Pick<RunSpec, 'workingDirectory' | 'projectRoot' | 'stdin' | 'database' | 'preparedWork'>;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { field });
}

function wholeNumber(
  spec: RunSpec,
  field: keyof RunSpec,
  fallback: number,
  min: number,
  max: number,
  unit: string,
): number {
  const value = spec[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw invalid(
      field,
      `${field} must be a whole number of ${unit} from ${min} to ${max}; got ${String(value)}.`,
    );
  return value;
}

function checkCode(code: unknown): string {
  if (typeof code !== 'string' || code.trim() === '')
    throw invalid('code', 'code is empty; give the program to run.');
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > MAX_CODE_BYTES)
    throw invalid(
      'code',
      `code is ${bytes} bytes, over the ${MAX_CODE_BYTES}-byte limit; write large programs to a file in the working directory and run that file instead.`,
    );
  return code;
}

function checkChoices(spec: RunSpec): void {
  if (!LANGUAGES.includes(spec.language))
    throw invalid(
      'language',
      `Unknown language ${JSON.stringify(spec.language)}; use one of ${LANGUAGES.join(', ')}.`,
    );
  if (spec.sandbox !== undefined && !SANDBOX_CHOICES.includes(spec.sandbox))
    throw invalid(
      'sandbox',
      `Unknown sandbox ${JSON.stringify(spec.sandbox)}; use one of ${SANDBOX_CHOICES.join(', ')}.`,
    );
  if (spec.database !== undefined && spec.language !== 'sql')
    throw invalid('database', 'database applies to sql runs only; leave it out.');
  if (typeof spec.runDirectory !== 'string' || !isAbsolute(spec.runDirectory))
    throw invalid('runDirectory', 'runDirectory must be an absolute path.');
}

/** The spec with every limit set; throws VALIDATION naming the first bad field. */
export function normalizeRunSpec(spec: RunSpec): NormalizedRunSpec {
  checkChoices(spec);
  const timeoutSeconds = wholeNumber(
    spec,
    'timeoutSeconds',
    30,
    1,
    MAX_TIMEOUT_SECONDS,
    'seconds (at most an hour)',
  );
  return {
    ...spec,
    code: checkCode(spec.code),
    timeoutSeconds,
    memoryMb: wholeNumber(spec, 'memoryMb', 512, 16, 65536, 'megabytes'),
    maxProcesses: wholeNumber(spec, 'maxProcesses', 256, 8, 65536, 'processes'),
    maxFileMb: wholeNumber(spec, 'maxFileMb', 1024, 1, 1024 * 1024, 'megabytes'),
    headBytes: wholeNumber(spec, 'headBytes', MIB, 0, 256 * MIB, 'bytes'),
    tailBytes: wholeNumber(spec, 'tailBytes', MIB, 0, 256 * MIB, 'bytes'),
    logBytes: wholeNumber(spec, 'logBytes', 64 * MIB, 0, 64 * 1024 * MIB, 'bytes'),
    sandbox: spec.sandbox ?? 'auto',
  };
}
