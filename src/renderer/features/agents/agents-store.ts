// The agents panel's store: the roster from list_agents, read again (coalesced) when an event
// says an agent started or ended a session, claimed, released or lost a task, handed off, or
// did anything at all (its last activity moved). The core's clock is kept with it, so lease
// expiry and idleness are judged against the core's time, not this machine's.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronEvent } from '../../../shared/events/event-types.ts';
import type { Agent } from '../../../shared/operations/agents.ops.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import { waitForFeed } from '../../client/wait-for-feed.ts';

/** Events in a burst (a claim writes several) are answered by one read after this pause. */
const COALESCE_MS = 250;
/** Relative times ("expires in 3 min") move on this often without any event. */
const TICK_MS = 15_000;
const FEED_WAIT_MS = 3_000;

const ROSTER_EVENTS: ReadonlySet<string> = new Set([
  'session.started',
  'session.ended',
  'task.claimed',
  'task.released',
  'task.lease_expired',
  'task.paused',
  'handoff.prepared',
  'task.deleted',
]);

export interface AgentsState {
  agents: readonly Agent[];
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: ErrorPayload | null;
  /** The core's time now: read with the roster, moved on by this machine's clock between reads. */
  now: string;
}

export class AgentsModel {
  readonly store: StoreApi<AgentsState>;
  private readonly client: RendererClient;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading = false;
  /** The core's time at the last read, and this machine's time then. */
  private coreNow = Date.now();
  private readAt = Date.now();
  private again = false;

  constructor(client: RendererClient) {
    this.client = client;
    this.store = createStore<AgentsState>()(() => ({
      agents: [],
      phase: 'idle',
      error: null,
      now: new Date().toISOString(),
    }));
  }

  start(): () => void {
    const stopEvents = this.client.subscribe((event) => this.onEvent(event));
    const ticker = setInterval(() => this.store.setState({ now: this.estimateNow() }), TICK_MS);
    this.store.setState({ phase: 'loading' });
    void waitForFeed(this.client, FEED_WAIT_MS).then(() => this.read());
    return () => {
      stopEvents();
      clearInterval(ticker);
      clearTimeout(this.timer);
    };
  }

  private estimateNow(): string {
    return new Date(this.coreNow + (Date.now() - this.readAt)).toISOString();
  }

  readonly reload = (): Promise<void> => this.read();

  private onEvent(event: OrchestronEvent): void {
    if (!ROSTER_EVENTS.has(event.type) && !event.actor.startsWith('agent:')) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), COALESCE_MS);
  }

  private async read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      const roster = await this.client.call('list_agents', {});
      this.coreNow = Date.parse(roster.now);
      this.readAt = Date.now();
      this.store.setState({
        agents: roster.agents,
        now: roster.now,
        phase: 'ready',
        error: null,
      });
    } catch (error) {
      this.store.setState({ phase: 'failed', error: toErrorPayload(error) });
    } finally {
      this.reading = false;
    }
    if (this.again) {
      this.again = false;
      await this.read();
    }
  }
}
