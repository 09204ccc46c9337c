// How the event feed of a client is doing: whether every new event reaches it, for the page's
// live indicator and for models that must not read a snapshot the feed would not follow.

export type FeedState = 'idle' | 'connecting' | 'live' | 'reconnecting';

export interface FeedStatus {
  readonly state: FeedState;
  /** Returns the function that stops listening. */
  onStateChange(listener: () => void): () => void;
  /** Resolves once every event committed from now on will be delivered. */
  whenLive(): Promise<void>;
  /**
   * Tells the feed a listener read a snapshot as of this event, so that a connection opened
   * before it delivered any event resumes after the snapshot rather than from "now".
   */
  snapshotAt(eventId: number): void;
}
