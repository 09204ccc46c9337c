// The one error type every transport carries as { code, message, details, hints }. The message
// says what was wrong in words free of any transport; how to fix it is data (hints: the
// operation and input to use), which each shell words in its own terms. UI and agents branch on
// `code` only.

export const ERROR_CODES = [
  'NOT_FOUND',
  'VALIDATION',
  'CYCLE',
  'CONFLICT',
  'FORBIDDEN',
  'TIMEOUT',
  'CANCELLED',
  'LIMIT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A value the caller has to choose, shown as <text> wherever the hint is worded. */
export interface HintPlaceholder {
  placeholder: string;
}

/**
 * One way to fix the call: run `operation` with `input`. When `operation` is the one that failed,
 * `input` holds only the fields to change; otherwise it is the whole input of another call.
 */
export interface FixHint {
  /** What following the hint achieves, as a verb phrase: "find the right id". */
  action: string;
  operation: string;
  input: Record<string, unknown>;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  hints?: FixHint[];
  /** The operation whose call failed, when the error passed through one. */
  operation?: string;
}

export function placeholder(text: string): HintPlaceholder {
  return { placeholder: text };
}

export function isPlaceholder(value: unknown): value is HintPlaceholder {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { placeholder?: unknown }).placeholder === 'string'
  );
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly hints: readonly FixHint[];
  operation: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    hints: readonly FixHint[] = [],
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.hints = hints;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.details !== undefined) payload.details = this.details;
    if (this.hints.length > 0) payload.hints = [...this.hints];
    if (this.operation !== undefined) payload.operation = this.operation;
    return payload;
  }
}

/** A broken invariant: a bug in Orchestron, never the caller's bad input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Whatever was thrown, as the payload a transport sends; unknown failures become INTERNAL. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  const text = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `Orchestron failed unexpectedly: ${text.slice(0, 300)}. This is a bug; the call changed nothing. Please report it with the command you ran.`,
  };
}
