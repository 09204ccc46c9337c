// The calls a client has made and not yet had answered, by id. A call waits here unsent while
// there is no connection (for a while), is sent once there is, and is settled by its answer; a
// connection lost before the answer fails it, since the core may or may not have run it.
import { AppError, type ErrorPayload } from '../errors.ts';
import type { CallId, ClientMessage } from './messages.ts';

type CallMessage = Extract<ClientMessage, { type: 'call' }>;

interface Pending {
  message: CallMessage;
  resolve(output: unknown): void;
  reject(error: AppError): void;
  sent: boolean;
  /** Fails the call if no connection carries it in time. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The AppError a client rejects with, rebuilt from the payload the core sent. */
export function errorFromPayload(payload: ErrorPayload): AppError {
  const error = new AppError(payload.code, payload.message, payload.details, payload.hints ?? []);
  if (payload.operation !== undefined) error.operation = payload.operation;
  return error;
}

export class PendingCalls {
  private readonly calls = new Map<CallId, Pending>();
  private nextId = 1;

  /** An id no call uses, for other requests that share the id space (catch_up). */
  reserveId(): CallId {
    return this.nextId++;
  }

  /** Registers a call; `unreachable` fails it when it was not sent within `waitMs`. */
  add(
    name: string,
    input: unknown,
    waitMs: number,
    unreachable: () => AppError,
  ): { id: CallId; answer: Promise<unknown> } {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(unreachable());
      }, waitMs);
      this.calls.set(id, {
        message: { type: 'call', id, name, input },
        resolve,
        reject,
        sent: false,
        timer,
      });
    });
    return { id, answer };
  }

  /** Marks every unsent call sent (oldest first) and returns their messages to send. */
  takeUnsent(): CallMessage[] {
    const messages: CallMessage[] = [];
    for (const call of this.calls.values()) {
      if (call.sent) continue;
      clearTimeout(call.timer);
      call.sent = true;
      messages.push(call.message);
    }
    return messages;
  }

  /** Settles the call with this id; false when no such call is pending. */
  settle(id: CallId, answer: { output: unknown } | { error: AppError }): boolean {
    const call = this.calls.get(id);
    if (!call) return false;
    this.calls.delete(id);
    clearTimeout(call.timer);
    if ('error' in answer) call.reject(answer.error);
    else call.resolve(answer.output);
    return true;
  }

  /** Fails the calls already sent on a connection that is gone; unsent ones keep waiting. */
  failSent(error: () => AppError): void {
    for (const [id, call] of this.calls) if (call.sent) this.settle(id, { error: error() });
  }

  failAll(error: () => AppError): void {
    for (const id of [...this.calls.keys()]) this.settle(id, { error: error() });
  }
}
