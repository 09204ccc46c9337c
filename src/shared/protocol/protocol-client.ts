// The client side of the protocol, once for every carrier (WebSocket, MessagePort, in-process):
// calls matched to answers by id, event listeners, and the feed state the page shows. After a
// drop it reconnects with backoff, says hello with the last event it holds, reads what it missed
// from the event log (catch_up) and delivers every event exactly once, in id order.
import type { ClientCapabilities, OrchestronClient } from '../client.ts';
import { AppError } from '../errors.ts';
import type { OrchestronEvent } from '../events/event-types.ts';
import type { OperationInput, OperationName, OperationOutput } from '../operations/registry.ts';
import { CLOSE_CODES } from './close-codes.ts';
import type { FeedState, FeedStatus } from './feed-status.ts';
import { PROTOCOL_VERSION, type CallId, type ClientMessage, type CoreMessage } from './messages.ts';
import { parseCoreMessage } from './parse-message.ts';
import { errorFromPayload, PendingCalls } from './pending-calls.ts';

/** What a carrier reports about one connection; never from inside the carrier call itself. */
export interface CarrierHandlers {
  open(): void;
  /** A decoded message (JSON already parsed, or the value a port cloned). */
  message(value: unknown): void;
  /** The connection ended (or never opened); the client opens a new one. */
  closed(code: number, reason: string): void;
}

export interface CarrierLink {
  send(message: ClientMessage): void;
  close(): void;
}

/** Opens one connection to the core. */
export type Carrier = (handlers: CarrierHandlers) => CarrierLink;

export interface ProtocolClientOptions {
  carrier: Carrier;
  capabilities: ClientCapabilities;
  /** The token for hello; `fresh` after the core refused the last one (it restarted). */
  token?: (fresh: boolean) => Promise<string | undefined>;
  /** Why a call could not reach the core and what to do, in the shell's own words. */
  unreachable?: string;
  /** Reconnection delays: first, doubling up to max (a quarter of jitter on each). */
  backoff?: { firstMs: number; maxMs: number };
  /** How long a call made while disconnected waits for a connection before it fails. */
  callWaitMs?: number;
}

const DEFAULT_BACKOFF = { firstMs: 250, maxMs: 5_000 };
const DEFAULT_CALL_WAIT_MS = 15_000;
const UNREACHABLE =
  'Cannot reach the Orchestron core; it may have stopped. Start it again, then retry.';
const ANSWER_LOST =
  'The connection to Orchestron dropped before the answer arrived, so the call may or may not have taken effect. Check, then retry if needed.';

type EventListener = (event: OrchestronEvent) => void;

export class ProtocolClient implements OrchestronClient, FeedStatus {
  readonly capabilities: ClientCapabilities;
  state: FeedState = 'idle';
  private readonly options: ProtocolClientOptions;
  private readonly calls = new PendingCalls();
  private readonly listeners = new Set<EventListener>();
  private readonly stateListeners = new Set<() => void>();
  private link: CarrierLink | null = null;
  /** Bumped per connection, so a stale connection's reports are ignored. */
  private generation = 0;
  private ready = false;
  private started = false;
  private disposed = false;
  private attempt = 0;
  private freshToken = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last event delivered, so catch-ups and pushes deliver nothing twice. */
  private lastId = 0;
  /** The earliest snapshot a listener read before any event was delivered; 0 for none. */
  private firstSnapshot = 0;
  /** Events pushed while a catch-up is under way, delivered after it. */
  private held: OrchestronEvent[] | null = null;
  private catchUpId: CallId | null = null;

  constructor(options: ProtocolClientOptions) {
    this.options = options;
    this.capabilities = options.capabilities;
  }

  /** The client is its own feed status; the getter matches RendererClient's optional `feed`. */
  get feed(): FeedStatus {
    return this;
  }

  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
    if (this.disposed)
      return Promise.reject(new AppError('CANCELLED', 'This client was closed; reload the page.'));
    this.start();
    const unreachable = () => new AppError('TIMEOUT', this.options.unreachable ?? UNREACHABLE);
    const { answer } = this.calls.add(
      name,
      input,
      this.options.callWaitMs ?? DEFAULT_CALL_WAIT_MS,
      unreachable,
    );
    if (this.ready) this.sendUnsent();
    return answer as Promise<OperationOutput<N>>;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  }

  /** An arrow, so React can pass it to useSyncExternalStore unbound. */
  readonly onStateChange = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  whenLive(): Promise<void> {
    if (this.state === 'live') return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.onStateChange(() => {
        if (this.state !== 'live') return;
        stop();
        resolve();
      });
    });
  }

  snapshotAt(eventId: number): void {
    if (this.lastId > 0 || eventId <= 0) return;
    this.firstSnapshot = this.firstSnapshot === 0 ? eventId : Math.min(this.firstSnapshot, eventId);
  }

  /** Closes the connection for good; pending calls fail with CANCELLED. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.generation++;
    this.link?.close();
    this.link = null;
    this.ready = false;
    this.calls.failAll(() => new AppError('CANCELLED', 'This client was closed; reload the page.'));
    this.setState('idle');
  }

  private start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    void this.connect();
  }

  /** The first attempt is "connecting"; every later one follows a failure: "reconnecting". */
  private async connect(): Promise<void> {
    this.setState(this.state === 'idle' ? 'connecting' : 'reconnecting');
    let token: string | undefined;
    try {
      token = await this.options.token?.(this.freshToken);
    } catch (error) {
      console.warn('Orchestron: could not read the connection token; retrying.', error);
      return this.retry();
    }
    if (this.disposed) return;
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const hello: ClientMessage = {
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      last_event_id: this.lastId > 0 ? this.lastId : this.firstSnapshot,
      ...(token === undefined ? {} : { token }),
    };
    this.link = this.options.carrier({
      open: () => current() && this.link?.send(hello),
      message: (value) => current() && this.receive(value),
      closed: (code, reason) => current() && this.onClosed(code, reason),
    });
  }

  private receive(value: unknown): void {
    const parsed = parseCoreMessage(value);
    if (!parsed.ok) {
      console.error(`Orchestron: ${parsed.error.message}`);
      if (parsed.id !== null)
        this.calls.settle(parsed.id, { error: errorFromPayload(parsed.error) });
      return;
    }
    const message: CoreMessage = parsed.message;
    switch (message.type) {
      case 'ready':
        return this.onReady();
      case 'result':
        return void this.calls.settle(message.id, { output: message.output });
      case 'error':
        if (message.id !== null && message.id === this.catchUpId) {
          console.error(`Orchestron: catching up failed: ${message.error.message}`);
          return this.link?.close();
        }
        if (
          message.id === null ||
          !this.calls.settle(message.id, { error: errorFromPayload(message.error) })
        )
          console.error(`Orchestron: the core refused a message: ${message.error.message}`);
        return;
      case 'event':
        if (this.held) this.held.push(message.event);
        else this.pass(message.event);
        return;
      case 'caught_up':
        if (message.id !== this.catchUpId) return;
        for (const event of message.events) this.pass(event);
        if (message.more) return this.requestCatchUp(message.next_after_id);
        return this.finishCatchUp();
    }
  }

  private onReady(): void {
    this.ready = true;
    this.freshToken = false;
    this.sendUnsent();
    const after = this.lastId > 0 ? this.lastId : this.firstSnapshot;
    if (after === 0) return this.markLive();
    this.held = [];
    this.requestCatchUp(after);
  }

  private requestCatchUp(afterId: number): void {
    this.catchUpId = this.calls.reserveId();
    this.link?.send({ type: 'catch_up', id: this.catchUpId, after_id: afterId });
  }

  private finishCatchUp(): void {
    const held = this.held ?? [];
    this.held = null;
    this.catchUpId = null;
    for (const event of held) this.pass(event);
    this.markLive();
  }

  private sendUnsent(): void {
    for (const message of this.calls.takeUnsent()) this.link?.send(message);
  }

  private onClosed(code: number, reason: string): void {
    const wasLive = this.state === 'live';
    this.generation++;
    this.link = null;
    this.ready = false;
    // held events were not delivered: the next catch-up (after lastId) reads them again
    this.held = null;
    this.catchUpId = null;
    this.calls.failSent(() => new AppError('TIMEOUT', ANSWER_LOST));
    if (this.disposed) return;
    if (code === CLOSE_CODES.unauthorized && !this.freshToken) {
      // the core restarted with a new token, most likely: read it again and reconnect at once
      this.freshToken = true;
      this.setState('reconnecting');
      return void this.connect();
    }
    // said once per outage (not per attempt), or whenever the core closed it on purpose
    if (wasLive || code >= 4000)
      console.warn(`Orchestron: the connection closed (${code})${reason ? `: ${reason}` : ''}`);
    this.setState('reconnecting');
    this.retry();
  }

  private retry(): void {
    if (this.disposed) return;
    const { firstMs, maxMs } = this.options.backoff ?? DEFAULT_BACKOFF;
    const delay = Math.min(maxMs, firstMs * 2 ** this.attempt) * (0.75 + Math.random() * 0.25);
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private pass(event: OrchestronEvent): void {
    if (event.id <= this.lastId) return;
    this.lastId = event.id;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error(`Orchestron: a listener failed on ${event.type}:`, error);
      }
    }
  }

  private markLive(): void {
    this.attempt = 0;
    this.setState('live');
  }

  private setState(state: FeedState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener();
  }
}
