// Runs a body repeatedly after a warm-up and summarises the wall times (median, p90, p99), with a
// time budget so slow operations on large projects cannot stretch the whole bench.
import { performance } from 'node:perf_hooks';

export interface Stats {
  count: number;
  median: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** Stop early once the measured runs took this long in total, after at least `minIterations`. */
  budgetMs?: number;
  minIterations?: number;
  /** Called after every run, outside the timed region (e.g. to sample memory). */
  afterEach?: () => void;
}

/** Times `body(i)` per call; `i` counts warm-up runs too, so a body can index its inputs. */
export async function measure(
  body: (i: number) => Promise<unknown>,
  options: MeasureOptions,
): Promise<Stats> {
  for (let i = 0; i < options.warmup; i++) {
    await body(i);
    options.afterEach?.();
  }
  const samples: number[] = [];
  let spent = 0;
  const minimum = options.minIterations ?? 20;
  for (let i = 0; i < options.iterations; i++) {
    const start = performance.now();
    await body(options.warmup + i);
    const elapsed = performance.now() - start;
    samples.push(elapsed);
    spent += elapsed;
    options.afterEach?.();
    if (options.budgetMs !== undefined && spent > options.budgetMs && samples.length >= minimum)
      break;
  }
  return summarize(samples);
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Times one synchronous or asynchronous call. */
export async function timeOnce<T>(body: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await body();
  return { ms: performance.now() - start, value };
}
