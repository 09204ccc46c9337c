// Status changes with their cascades: completing a ready task (its dependents may become ready),
// and failing the ready task with the most dependents, then retrying it (failed → pending).
import { performance } from 'node:perf_hooks';
import type { MeasureOptions } from '../timing.ts';
import { FAST_RUNS, progress, type BenchContext } from './bench-context.ts';

/** A failure at the root of a large project walks most of it: a few runs are enough. */
const FAIL_RUNS = { warmup: 1, iterations: 10, budgetMs: 10_000, minIterations: 3 };

export async function runStatusScenarios(bench: BenchContext): Promise<void> {
  await failHub(bench);
  await completeReadyTasks(bench);
}

async function completeReadyTasks(bench: BenchContext): Promise<void> {
  const pool: number[] = [];
  let becameReady = 0;
  let completed = 0;
  await bench.record(
    'update_task_status → completed (ready task)',
    'single',
    async () => {
      if (pool.length === 0) pool.push(...(await readyIds(bench)));
      const result = await bench.call('update_task_status', {
        task_id: pool.pop()!,
        status: 'completed',
      });
      becameReady += result.became_ready.length;
      completed++;
    },
    completionRuns(bench.size),
  );
  bench.note(
    `Completing a ready task made ${(becameReady / completed).toFixed(2)} dependents ready on average (${completed} completed).`,
  );
}

/** Small projects run out of tasks to complete: at most 40% of them are completed here. */
function completionRuns(size: number): MeasureOptions {
  const budget = Math.floor(size * 0.4);
  const warmup = Math.min(FAST_RUNS.warmup, Math.floor(budget / 10));
  return { ...FAST_RUNS, warmup, iterations: Math.min(FAST_RUNS.iterations, budget - warmup) };
}

/** Ids of ready tasks in the order get_ready_tasks gives them, last first for pop(). */
async function readyIds(bench: BenchContext): Promise<number[]> {
  const page = await bench.call('get_ready_tasks', { project_id: bench.projectId, limit: 500 });
  if (page.tasks.length === 0) throw new Error('No ready task left to complete');
  return page.tasks.map((task) => task.id).reverse();
}

async function failHub(bench: BenchContext): Promise<void> {
  const { hub } = bench.project;
  const failSamples: number[] = [];
  const retrySamples: number[] = [];
  let cascade = 0;
  progress(`${bench.size.toLocaleString('en')} tasks: failing and retrying task #${hub.id}`);
  let spent = 0;
  for (let i = 0; i < FAIL_RUNS.warmup + FAIL_RUNS.iterations; i++) {
    await bench.call('update_task_status', { task_id: hub.id, status: 'in_progress' });
    const start = performance.now();
    const failed = await bench.call('update_task_status', { task_id: hub.id, status: 'failed' });
    const middle = performance.now();
    await bench.call('update_task_status', { task_id: hub.id, status: 'pending' });
    const end = performance.now();
    bench.memory.sample();
    cascade = failed.now_waiting_on_failed.length;
    if (i < FAIL_RUNS.warmup) continue;
    failSamples.push(middle - start);
    retrySamples.push(end - middle);
    spent += end - start;
    if (spent > FAIL_RUNS.budgetMs && failSamples.length >= FAIL_RUNS.minIterations) break;
  }
  bench.recordSamples(
    'update_task_status → failed (task with most dependents)',
    'bulk',
    failSamples,
  );
  bench.recordSamples('update_task_status → pending (retry of that failure)', 'bulk', retrySamples);
  bench.note(
    `Failing task #${hub.id} (${hub.directDependents} direct dependents) marked ${cascade.toLocaleString('en')} tasks as waiting on a failed prerequisite (last run).`,
  );
  await noteStaleWaiting(bench);
}

/** After a retry nothing is failed any more, so no task should still wait on a failure. */
async function noteStaleWaiting(bench: BenchContext): Promise<void> {
  const metrics = await bench.call('list_tasks', {
    project_id: bench.projectId,
    limit: 1,
    include_metrics: true,
  });
  const stale = metrics.metrics?.waiting_on_failed ?? 0;
  if (stale > 0) {
    bench.note(
      `After the last retry ${stale.toLocaleString('en')} tasks still report waiting_on_failed although no task is failed or cancelled (expected 0).`,
    );
  }
}
