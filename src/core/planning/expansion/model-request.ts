// What is sent to a model provider and what comes back, whichever provider it is, and the one
// error a provider's failure becomes: a reason fit to show (no key, no stack), after which the
// offline expansion runs instead.

export interface ModelRequest {
  system: string;
  user: string;
  /** JSON schema of the answer. */
  schema: Record<string, unknown>;
  model: string;
  maxTokens: number;
  /** Sent where the provider takes one (OpenAI-compatible endpoints). */
  temperature: number;
  signal: AbortSignal;
}

export interface ModelAnswer {
  /** The answer as text (to parse as JSON), or a tool call's arguments already parsed. */
  raw: string | Record<string, unknown>;
  model: string;
  usage: { input_tokens: number; output_tokens: number } | null;
}

/** Why a provider gave no usable answer, worded for the warning that reports the fallback. */
export class ProviderFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ProviderFailure';
  }
}

interface SdkErrorLike {
  status?: number;
  message?: string;
}

/** An SDK's error as a short reason: the HTTP status and the server's words, or what timed out. */
export function describeSdkError(error: unknown, timeoutMs: number, retries: number): string {
  if (error instanceof ProviderFailure) return error.message;
  const { status, message = '' } = (error ?? {}) as SdkErrorLike;
  // the SDKs' error classes (APIConnectionTimeoutError...) do not all set `name`
  const name = (error as object | null)?.constructor?.name ?? '';
  const tries = retries > 0 ? ` (tried ${retries + 1} times)` : '';
  if (/Timeout/.test(name)) return `no answer within ${timeoutMs} ms${tries}`;
  if (typeof status === 'number') {
    // the SDKs retry 408, 409, 429 and 5xx answers; others fail at once
    const retried = status === 408 || status === 409 || status === 429 || status >= 500;
    const words = message.replace(/^\d{3}\s*/, '').slice(0, 300);
    return `HTTP ${status}: ${words || 'no reason given'}${retried ? tries : ''}`;
  }
  if (/Connection/.test(name))
    return `could not reach the server${tries}: ${message.slice(0, 200)}`;
  return message.slice(0, 300) || 'the request failed';
}
