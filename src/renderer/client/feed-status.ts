// How the event feed of a renderer client is doing: whether every new event reaches the page,
// for the live indicator and for models that must not read a snapshot the feed would not follow.
import type { OrchestronClient } from '../../shared/client.ts';

export type FeedState = 'idle' | 'connecting' | 'live' | 'reconnecting';

export interface FeedStatus {
  readonly state: FeedState;
  /** Returns the function that stops listening. */
  onStateChange(listener: () => void): () => void;
  /** Resolves once every event committed from now on will be delivered. */
  whenLive(): Promise<void>;
  /**
   * Tells the feed a listener read a snapshot as of this event, so that a stream reopened before
   * it delivered any event resumes after the snapshot rather than from "now".
   */
  snapshotAt(eventId: number): void;
}

/** A client whose shell can tell how its event feed is doing (optional: not every shell can). */
export interface RendererClient extends OrchestronClient {
  readonly feed?: FeedStatus;
}
