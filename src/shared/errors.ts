// The one error type every transport carries as { code, message, details }. Messages tell the
// caller what was wrong and how to fix the call; UI and agents branch on `code` only.

export const ERROR_CODES = [
  'NOT_FOUND',
  'VALIDATION',
  'CYCLE',
  'CONFLICT',
  'FORBIDDEN',
  'TIMEOUT',
  'LIMIT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
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
    message: `Orchestron failed unexpectedly: ${text}. This is a bug; the call changed nothing. Please report it with the command you ran.`,
  };
}
