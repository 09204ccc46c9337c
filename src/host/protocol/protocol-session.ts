// The core side of one client connection, whatever carries it: the hello (with the token, when
// the carrier needs one), calls run through the orchestrator, catch_up pages from the event log,
// and every event committed after the client's last one pushed in order. A bad message gets an
// error reply; only a missing or bad hello closes the connection.
import { timingSafeEqual } from 'node:crypto';
import type { Workspace } from '../../core/call-context.ts';
import type { Orchestrator } from '../../core/orchestrator.ts';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import type { OrchestronEvent } from '../../shared/events/event-types.ts';
import type { OperationName } from '../../shared/operations/registry.ts';
import { CLOSE_CODES, CLOSE_REASONS, closeReason } from '../../shared/protocol/close-codes.ts';
import {
  CATCH_UP_PAGE,
  PROTOCOL_VERSION,
  type CallId,
  type ClientMessage,
  type CoreMessage,
  type Hello,
} from '../../shared/protocol/messages.ts';
import { parseClientMessage, parseHello } from '../../shared/protocol/parse-message.ts';

/** A client that says nothing this long after connecting is dropped. */
export const HELLO_TIMEOUT_MS = 10_000;

export interface SessionOptions {
  orchestrator: Orchestrator;
  send(message: CoreMessage): void;
  close(code: number, reason: string): void;
  /** The token a hello must carry; omitted when holding the carrier is proof enough (a port). */
  token?: string;
  /** Recorded on every change made through this connection. */
  actor: string;
  workspace?: Workspace;
  helloTimeoutMs?: number;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class ProtocolSession {
  private readonly options: SessionOptions;
  private unsubscribe: (() => void) | null = null;
  private readonly calls = new AbortController();
  private readonly helloTimer: ReturnType<typeof setTimeout>;
  private sentUpTo = 0;
  private closed = false;

  constructor(options: SessionOptions) {
    this.options = options;
    this.helloTimer = setTimeout(
      () => this.shut(CLOSE_CODES.helloTimeout, CLOSE_REASONS.helloTimeout),
      options.helloTimeoutMs ?? HELLO_TIMEOUT_MS,
    );
  }

  /** One decoded message from the client (already JSON-parsed, or cloned by a port). */
  receive(value: unknown): void {
    if (this.closed) return;
    if (!this.unsubscribe) return this.greet(value);
    const parsed = parseClientMessage(value);
    if (!parsed.ok) return this.reply({ type: 'error', id: parsed.id, error: parsed.error });
    const message = parsed.message;
    if (message.type === 'hello') return this.refuse(null, 'This connection already said hello.');
    if (message.type === 'call') return void this.run(message);
    return void this.catchUp(message.id, message.after_id);
  }

  /** Answers a message that could not even be decoded (the carrier's JSON.parse failed). */
  refuseUndecodable(error: ErrorPayload): void {
    if (!this.unsubscribe) return this.shut(CLOSE_CODES.badHello, error.message);
    this.reply({ type: 'error', id: null, error });
  }

  /** The carrier closed: stop pushing events and abort the calls still running. */
  dispose(): void {
    this.closed = true;
    clearTimeout(this.helloTimer);
    this.unsubscribe?.();
    this.calls.abort();
  }

  private greet(value: unknown): void {
    const saysHello = (value as { type?: unknown } | null)?.type === 'hello';
    if (!saysHello) return this.shut(CLOSE_CODES.unauthorized, CLOSE_REASONS.helloFirst);
    const parsed = parseHello(value);
    if (!parsed.ok) return this.shut(CLOSE_CODES.badHello, parsed.error.message);
    const hello: Hello = parsed.message;
    const { token } = this.options;
    if (token !== undefined && !sameToken(hello.token, token)) {
      const reason = hello.token === undefined ? CLOSE_REASONS.noToken : CLOSE_REASONS.wrongToken;
      return this.shut(CLOSE_CODES.unauthorized, reason);
    }
    clearTimeout(this.helloTimer);
    this.sentUpTo = hello.last_event_id;
    this.unsubscribe = this.options.orchestrator.subscribe((event) => this.push(event));
    this.reply({ type: 'ready', protocol: PROTOCOL_VERSION });
  }

  private push(event: OrchestronEvent): void {
    if (event.id <= this.sentUpTo) return;
    this.sentUpTo = event.id;
    this.reply({ type: 'event', event });
  }

  private async run(message: Extract<ClientMessage, { type: 'call' }>): Promise<void> {
    try {
      const output = await this.options.orchestrator.call(
        message.name as OperationName,
        message.input ?? {},
        {
          actor: this.options.actor,
          workspace: this.options.workspace ?? {},
          signal: this.calls.signal,
        },
      );
      this.reply({ type: 'result', id: message.id, output });
    } catch (error) {
      this.refuse(message.id, error);
    }
  }

  private async catchUp(id: CallId, afterId: number): Promise<void> {
    try {
      const page = await this.options.orchestrator.call(
        'list_events',
        { after_id: afterId, limit: CATCH_UP_PAGE },
        { actor: this.options.actor },
      );
      const more = page.events.length === CATCH_UP_PAGE;
      this.reply({
        type: 'caught_up',
        id,
        events: page.events,
        next_after_id: page.next_after_id,
        more,
      });
    } catch (error) {
      this.refuse(id, error);
    }
  }

  private refuse(id: CallId | null, error: unknown): void {
    const payload =
      typeof error === 'string'
        ? { code: 'VALIDATION' as const, message: error }
        : toErrorPayload(error);
    if (payload.code === 'INTERNAL')
      console.error('orchestron: a call failed unexpectedly:', error);
    this.reply({ type: 'error', id, error: payload });
  }

  private reply(message: CoreMessage): void {
    if (this.closed) return;
    try {
      this.options.send(message);
    } catch (error) {
      console.error('orchestron: sending to a client failed; closing its connection:', error);
      this.shut(CLOSE_CODES.goingAway, 'Sending failed.');
    }
  }

  private shut(code: number, reason: string): void {
    if (this.closed) return;
    this.dispose();
    this.options.close(code, closeReason(reason));
  }
}
