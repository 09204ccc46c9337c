// create_task as agents call it: a title, a priority and 0–3 dependencies on existing tasks
// (each one checked for cycles and counted into the new task's readiness), in a long-running
// process and as the first call after opening the database, as in every CLI command.
import { FAST_RUNS, type BenchContext } from './bench-context.ts';
import { recordColdCalls } from './cold-call.ts';

function createInput(bench: BenchContext, title: string, fewestDependencies: number) {
  return {
    project_id: bench.projectId,
    title,
    description: 'Created by the benchmark through Orchestrator.call.',
    priority: bench.rng.int(0, 4),
    dependencies: bench.rng.distinctInts(bench.rng.int(fewestDependencies, 3), 1, bench.size),
  };
}

export async function runCreateScenarios(bench: BenchContext): Promise<void> {
  await bench.record(
    'create_task (0–3 random dependencies)',
    'single',
    (i) => bench.call('create_task', createInput(bench, `Bench task ${i}`, 0)),
    FAST_RUNS,
  );
  await recordColdCalls(bench, 'create_task (1–3 deps), first call after opening', (i) =>
    bench.call('create_task', createInput(bench, `Cold bench task ${i}`, 1)),
  );
}
