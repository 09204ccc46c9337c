// Keeps a run's output as a head and a tail of bounded size with an exact byte count, so a run
// that prints gigabytes holds at most headBytes + tailBytes (+ one chunk) in memory.

export interface CapturedOutput {
  head: string;
  tail: string;
  totalBytes: number;
  truncated: boolean;
}

export class OutputCapture {
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  /** The newest chunks after the head, oldest first; trimmed to tailBytes when read. */
  private tailChunks: Buffer[] = [];
  private tailLength = 0;
  private total = 0;
  private readonly headBytes: number;
  private readonly tailBytes: number;

  constructor(headBytes: number, tailBytes: number) {
    this.headBytes = headBytes;
    this.tailBytes = tailBytes;
  }

  add(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headLength < this.headBytes) {
      const taken = rest.subarray(0, this.headBytes - this.headLength);
      this.headChunks.push(Buffer.from(taken));
      this.headLength += taken.length;
      rest = rest.subarray(taken.length);
    }
    if (rest.length === 0 || this.tailBytes === 0) return;
    this.tailChunks.push(Buffer.from(rest));
    this.tailLength += rest.length;
    // drop whole chunks that the tail no longer needs
    while (
      this.tailChunks.length > 1 &&
      this.tailLength - this.tailChunks[0]!.length >= this.tailBytes
    ) {
      this.tailLength -= this.tailChunks.shift()!.length;
    }
  }

  get totalBytes(): number {
    return this.total;
  }

  /**
   * Head and tail as text. Bytes that are not UTF-8 (or a character cut at a boundary) become
   * U+FFFD; the byte count stays exact.
   */
  result(): CapturedOutput {
    const tailBuffer = Buffer.concat(this.tailChunks);
    const tail = tailBuffer.subarray(Math.max(0, tailBuffer.length - this.tailBytes));
    const kept = this.headLength + tail.length;
    return {
      head: Buffer.concat(this.headChunks).toString('utf8'),
      tail: tail.toString('utf8'),
      totalBytes: this.total,
      truncated: kept < this.total,
    };
  }
}
