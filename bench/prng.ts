// A small seeded PRNG (mulberry32) so every run generates the same project and makes the same
// random choices, which keeps runs comparable.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Prng.pick: empty list');
    return item;
  }

  /** Up to `count` distinct integers in [min, max] (fewer when the range is smaller). */
  distinctInts(count: number, min: number, max: number): number[] {
    const wanted = Math.min(count, max - min + 1);
    const chosen = new Set<number>();
    while (chosen.size < wanted) chosen.add(this.int(min, max));
    return [...chosen];
  }
}
