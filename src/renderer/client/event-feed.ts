// One EventSource on /api/events for the whole window. Whenever the stream opens again (the
// browser reconnecting by itself, or a fresh stream after it gave up), what was committed since
// the last event delivered is read back from list_events first, so listeners never see a gap.
// (The server replays after Last-Event-ID too, but the browser sends none before the first event.)
import type { OrchestronEvent } from '../../shared/operations/events.ops.ts';
import type { FeedState, FeedStatus } from './feed-status.ts';

/** A stream the browser closed for good (an HTTP error, not a dropped connection) is reopened after this. */
const REOPEN_MS = 2_000;

/** Reads the events after an id, oldest first, every page of them. */
export type CatchUp = (afterId: number) => Promise<OrchestronEvent[]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEvent(data: string): OrchestronEvent | null {
  try {
    const message: unknown = JSON.parse(data);
    if (!isRecord(message) || message['type'] !== 'event' || !isRecord(message['event']))
      return null;
    const event = message['event'];
    return typeof event['id'] === 'number' && typeof event['type'] === 'string'
      ? (event as unknown as OrchestronEvent)
      : null;
  } catch {
    return null;
  }
}

export class EventFeed implements FeedStatus {
  state: FeedState = 'idle';
  private source: EventSource | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last event delivered, so replays and catch-ups deliver nothing twice. */
  private lastId = 0;
  /** The earliest snapshot a listener read before any event was delivered; 0 for none. */
  private firstSnapshot = 0;
  /** Whether a stream opened before: every later opening may follow a gap. */
  private openedBefore = false;
  /** Events that arrived while the catch-up read was under way. */
  private held: OrchestronEvent[] | null = null;
  private readonly stateListeners = new Set<() => void>();
  private readonly url: URL;
  private readonly catchUp: CatchUp;
  private readonly deliver: (event: OrchestronEvent) => void;

  constructor(url: URL, catchUp: CatchUp, deliver: (event: OrchestronEvent) => void) {
    this.url = url;
    this.catchUp = catchUp;
    this.deliver = deliver;
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

  open(): void {
    if (this.source) return;
    this.setState(this.openedBefore ? 'reconnecting' : 'connecting');
    const source = new EventSource(this.url);
    source.onopen = () => {
      const gap = this.openedBefore;
      this.openedBefore = true;
      if (gap) void this.fillGap();
      else this.markLive();
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data);
      if (!event) return;
      if (this.held) this.held.push(event);
      else this.pass(event);
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        this.source = null;
        this.reopenTimer = setTimeout(() => this.open(), REOPEN_MS);
      }
      this.setState('reconnecting');
    };
    this.source = source;
  }

  close(): void {
    clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = null;
    this.held = null;
    this.setState('idle');
  }

  private async fillGap(): Promise<void> {
    const after = this.lastId > 0 ? this.lastId : this.firstSnapshot;
    this.held = [];
    try {
      if (after > 0) for (const event of await this.catchUp(after)) this.pass(event);
    } catch (error) {
      console.error('Orchestron: reading the events missed while disconnected failed:', error);
    }
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.pass(event);
    if (this.source) this.markLive();
  }

  private pass(event: OrchestronEvent): void {
    if (event.id <= this.lastId) return;
    this.lastId = event.id;
    this.deliver(event);
  }

  private markLive(): void {
    this.setState('live');
  }

  private setState(state: FeedState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener();
  }
}
