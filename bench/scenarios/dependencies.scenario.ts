// add_dependency: a new later → earlier edge (passes the cycle check), one that would close a
// cycle and is refused with CYCLE, a valid add right after such a refusal, and a valid add as the
// first call after opening the database (a CLI `dep add`).
import { performance } from 'node:perf_hooks';
import { AppError } from '../../src/shared/errors.ts';
import { FAST_RUNS, progress, type BenchContext } from './bench-context.ts';
import { recordColdCalls } from './cold-call.ts';

const REFUSAL_RUNS = { warmup: 10, iterations: 200, budgetMs: 15_000, minIterations: 20 };
/** Longest walk down the prerequisites when choosing the far end of a cycle. */
const MAX_CYCLE_STEPS = 6;

export async function runDependencyScenarios(bench: BenchContext): Promise<void> {
  const added = new Set<string>();
  await bench.record(
    'add_dependency (new later → earlier edge)',
    'single',
    () => bench.call('add_dependency', newEdge(bench, added)),
    FAST_RUNS,
  );
  await refusals(bench, added);
  await recordColdCalls(bench, 'add_dependency, first call after opening', () =>
    bench.call('add_dependency', newEdge(bench, added)),
  );
}

/** A pair task_id > depends_on that is neither in the document nor added already. */
function newEdge(bench: BenchContext, added: Set<string>): { task_id: number; depends_on: number } {
  for (;;) {
    const [a, b] = bench.rng.distinctInts(2, 1, bench.size) as [number, number];
    const task_id = Math.max(a, b);
    const depends_on = Math.min(a, b);
    const key = `${task_id}>${depends_on}`;
    if (added.has(key) || bench.project.dependencies.get(task_id)?.includes(depends_on)) continue;
    added.add(key);
    return { task_id, depends_on };
  }
}

/** A task and one of its transitive prerequisites, found by a random walk down the document's edges. */
function cyclePair(bench: BenchContext): { task_id: number; depends_on: number; steps: number } {
  for (;;) {
    const top = bench.rng.int(1, bench.size);
    let bottom = top;
    let steps = 0;
    for (const limit = bench.rng.int(1, MAX_CYCLE_STEPS); steps < limit; steps++) {
      const prerequisites = bench.project.dependencies.get(bottom) ?? [];
      if (prerequisites.length === 0) break;
      bottom = bench.rng.pick(prerequisites);
    }
    if (steps > 0) return { task_id: bottom, depends_on: top, steps };
  }
}

async function refusals(bench: BenchContext, added: Set<string>): Promise<void> {
  progress(
    `${bench.size.toLocaleString('en')} tasks: add_dependency refused (cycle), and the add after it`,
  );
  const refused: number[] = [];
  const after: number[] = [];
  let spent = 0;
  let steps = 0;
  for (let i = 0; i < REFUSAL_RUNS.warmup + REFUSAL_RUNS.iterations; i++) {
    const pair = cyclePair(bench);
    const start = performance.now();
    await expectCycle(
      bench.call('add_dependency', { task_id: pair.task_id, depends_on: pair.depends_on }),
    );
    const middle = performance.now();
    await bench.call('add_dependency', newEdge(bench, added));
    const end = performance.now();
    bench.memory.sample();
    if (i < REFUSAL_RUNS.warmup) continue;
    refused.push(middle - start);
    after.push(end - middle);
    steps += pair.steps;
    spent += end - start;
    if (spent > REFUSAL_RUNS.budgetMs && refused.length >= REFUSAL_RUNS.minIterations) break;
  }
  bench.recordSamples('add_dependency refused: closes a cycle', 'single', refused);
  bench.recordSamples('add_dependency right after a refused one', 'single', after);
  bench.note(
    `Refused cycles were ${(steps / refused.length + 1).toFixed(1)} edges long on average.`,
  );
}

async function expectCycle(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError && error.code === 'CYCLE') return;
    throw error;
  }
  throw new Error('add_dependency accepted an edge that closes a cycle');
}
