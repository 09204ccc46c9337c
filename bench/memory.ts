// Peak memory of this process: the RSS high-water mark the OS keeps, the largest V8 heap use
// seen where the bench samples it (after every measured call, garbage included), and the live
// heap after a full collection when the process runs with --expose-gc.

export class MemoryWatch {
  private peakHeap = 0;

  sample(): void {
    const { heapUsed } = process.memoryUsage();
    if (heapUsed > this.peakHeap) this.peakHeap = heapUsed;
  }

  /** Heap in use after a full garbage collection; null without --expose-gc. */
  liveHeapBytes(): number | null {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (!collect) return null;
    collect();
    return process.memoryUsage().heapUsed;
  }

  /** maxRSS is reported in kibibytes. */
  peaks(): { maxRssBytes: number; peakHeapBytes: number } {
    this.sample();
    return { maxRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapBytes: this.peakHeap };
  }
}
