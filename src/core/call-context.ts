// Who is calling, and what time it is: passed to every handler so events are attributed and
// tests can fix the clock.

export interface CallContext {
  /** e.g. "cli:alice", "human", "agent:claude-code-1"; recorded on every event. */
  actor: string;
}

export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
