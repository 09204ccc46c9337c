// The event log as a live feed. Every mutation appends its events inside its own transaction;
// this delivers them to subscribers in id order, whichever process wrote them: after our own
// calls directly, after our own background writes (code runs' output) and other processes'
// commits when the watch sees this connection's commit count or PRAGMA data_version change.
import type { OrchestronEvent } from '../../shared/events/event-types.ts';
import type { Store } from '../store/store.ts';

export type EventListener = (event: OrchestronEvent) => void;

/**
 * How often a process checks for other processes' commits: one PRAGMA read, cheap enough to keep
 * a page within a frame or two of a write made elsewhere.
 */
export const WATCH_INTERVAL_MS = 25;

/** Events read per query while catching up, so a burst never loads the whole log at once. */
const BATCH = 500;

export class EventLog {
  private readonly store: Store;
  private readonly listeners = new Set<EventListener>();
  private lastSeen: number;
  private dataVersion: number;
  private commitsSeen: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(store: Store) {
    this.store = store;
    this.lastSeen = store.events.lastId();
    this.dataVersion = this.readDataVersion();
    this.commitsSeen = store.localCommits;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers every event committed since the last delivery (none while a write is open). */
  poll(): void {
    if (this.store.inTransaction) return;
    this.dataVersion = this.readDataVersion();
    this.commitsSeen = this.store.localCommits;
    for (;;) {
      const events = this.store.events.query({ after_id: this.lastSeen, limit: BATCH });
      for (const event of events) {
        this.lastSeen = event.id;
        for (const listener of this.listeners) {
          try {
            listener(event);
          } catch (error) {
            console.error(`orchestron: an event listener failed on ${event.type}:`, error);
          }
        }
      }
      if (events.length < BATCH) return;
    }
  }

  /** Checks for other processes' commits every `intervalMs`; cheap when nothing changed. */
  watch(intervalMs = WATCH_INTERVAL_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (
        this.store.localCommits !== this.commitsSeen ||
        this.readDataVersion() !== this.dataVersion
      )
        this.poll();
    }, intervalMs);
    this.timer.unref();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private readDataVersion(): number {
    return this.store.dataVersion();
  }
}
