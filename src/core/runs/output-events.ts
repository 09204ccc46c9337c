// Turns a run's live output into run.output events without letting a flood fill the events
// table: each event holds at most EVENT_BYTES of text, and a run writes at most RATE_BYTES of
// text per second (a burst of BURST_BYTES first). What does not fit is counted in the next
// event's dropped_bytes; the whole output is always in the run's log file.

/** Text per event: a screenful many times over, small enough for any client to render at once. */
export const EVENT_BYTES = 16 * 1024;
/** Text per second per run written as events: enough to follow any readable output live. */
export const RATE_BYTES = 64 * 1024;
/** What a quiet run may write at once before the rate applies. */
export const BURST_BYTES = 64 * 1024;
/**
 * Under a flood an event waits until it can carry at least this much, which bounds the events a
 * run writes to about (BURST_BYTES + RATE_BYTES × seconds) / MIN_EVENT_BYTES: 16 a second.
 */
export const MIN_EVENT_BYTES = 4 * 1024;

export interface OutputPiece {
  seq: number;
  text: string;
  dropped_bytes: number;
}

/** The longest prefix of `text` that is at most `maxBytes` of UTF-8, cut between characters. */
export function utf8Prefix(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let cut = maxBytes;
  // back up over continuation bytes (10xxxxxx) to the start of a character
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString('utf8');
}

export class OutputEvents {
  private pending = '';
  private pendingBytes = 0;
  private dropped = 0;
  private seq = 0;
  private tokens = BURST_BYTES;
  private refilledAt: number;
  private readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
    this.refilledAt = now();
  }

  /** Takes a chunk of output; what would grow the backlog past one event is counted as dropped. */
  add(chunk: string): void {
    const room = EVENT_BYTES - this.pendingBytes;
    const size = Buffer.byteLength(chunk, 'utf8');
    if (size <= room) {
      this.pending += chunk;
      this.pendingBytes += size;
      return;
    }
    const kept = utf8Prefix(chunk, room);
    const keptBytes = Buffer.byteLength(kept, 'utf8');
    this.pending += kept;
    this.pendingBytes += keptBytes;
    this.dropped += size - keptBytes;
  }

  /** The next event to write, when the rate allows one; `final` ignores the rate (the run ended). */
  take(final = false): OutputPiece | null {
    if (this.pendingBytes === 0 && (this.dropped === 0 || !final)) return null;
    this.refill();
    const wanted = Math.min(this.pendingBytes, MIN_EVENT_BYTES);
    if (!final && this.tokens < Math.max(wanted, 1)) return null;
    const budget = final ? EVENT_BYTES : Math.min(this.tokens, EVENT_BYTES);
    const text = utf8Prefix(this.pending, budget);
    const textBytes = Buffer.byteLength(text, 'utf8');
    // what the budget leaves out of the backlog is dropped: the backlog never outgrows one event
    this.dropped += this.pendingBytes - textBytes;
    this.tokens -= textBytes;
    const piece = { seq: ++this.seq, text, dropped_bytes: this.dropped };
    this.pending = '';
    this.pendingBytes = 0;
    this.dropped = 0;
    return piece;
  }

  /** Milliseconds until take() can return an event for what waits now; null when nothing waits. */
  waitMs(): number | null {
    if (this.pendingBytes === 0) return null;
    this.refill();
    const missing = Math.min(this.pendingBytes, MIN_EVENT_BYTES) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / RATE_BYTES) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(
      BURST_BYTES,
      this.tokens + ((now - this.refilledAt) / 1000) * RATE_BYTES,
    );
    this.refilledAt = now;
  }
}
