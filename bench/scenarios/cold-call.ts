// Times an operation as the first call of a freshly opened database, which is what every CLI
// command is: in-memory caches (such as the dependency order) start empty.
import { performance } from 'node:perf_hooks';
import { progress, type BenchContext } from './bench-context.ts';

/** Reopening costs more than most calls: a handful of runs, capped in time. */
const COLD_RUNS = { warmup: 1, iterations: 12, budgetMs: 6_000, minIterations: 3 };

export async function recordColdCalls(
  bench: BenchContext,
  label: string,
  body: (i: number) => Promise<unknown>,
): Promise<void> {
  progress(`${bench.size.toLocaleString('en')} tasks: ${label}`);
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < COLD_RUNS.warmup + COLD_RUNS.iterations; i++) {
    bench.reopen();
    const start = performance.now();
    await body(i);
    const elapsed = performance.now() - start;
    bench.memory.sample();
    if (i < COLD_RUNS.warmup) continue;
    samples.push(elapsed);
    spent += elapsed;
    if (spent > COLD_RUNS.budgetMs && samples.length >= COLD_RUNS.minIterations) break;
  }
  bench.recordSamples(label, 'single', samples);
}
