// Executor throughput: a 200-task DAG of `true` commands (bash), in layers of 20 where each task
// waits on two of the layer before, run with run_workflow at concurrency 1, 2 and 4, each on a
// fresh database. Every command is a recorded, sandboxed run.
import { performance } from 'node:perf_hooks';
import type { Orchestrator } from '../../src/core/orchestrator.ts';
import { progress } from './bench-context.ts';
import { openRunsCore } from './runs-core.ts';
import type { ExecutorRow } from './runs-results.ts';
import type { SandboxKind } from '../../src/core/runs/run-types.ts';

export const EXECUTOR_TASKS = 200;
export const EXECUTOR_CONCURRENCY = [1, 2, 4] as const;
const LAYER = 20;

/** Task `index`'s prerequisites: tasks `at` and `at + 1` of the layer before (by index). */
function prerequisites(index: number): number[] {
  const level = Math.floor(index / LAYER);
  if (level === 0) return [];
  const at = index % LAYER;
  const before = (level - 1) * LAYER;
  return [...new Set([before + at, before + ((at + 1) % LAYER)])];
}

/** The DAG in a new project, each task with its run spec and verify spec (set by update_task). */
async function createDag(orchestrator: Orchestrator): Promise<number> {
  const { project } = await orchestrator.call('create_project', { name: 'dag' });
  const ids: number[] = [];
  for (let index = 0; index < EXECUTOR_TASKS; index++) {
    const { task } = await orchestrator.call('create_task', {
      project_id: project.id,
      title: `Task ${index + 1}`,
      dependencies: prerequisites(index).map((at) => ids[at]!),
    });
    await orchestrator.call('update_task', {
      task_id: task.id,
      run_spec: { commands: [{ language: 'bash', code: 'true' }], parallel: true },
      verify_spec: { exit_code: 0 },
    });
    ids.push(task.id);
  }
  return project.id;
}

async function runOnce(concurrency: number, sandbox: SandboxKind): Promise<ExecutorRow> {
  const core = openRunsCore(sandbox);
  try {
    const { orchestrator } = core;
    const projectId = await createDag(orchestrator);
    const started = performance.now();
    const result = await orchestrator.call('run_workflow', {
      project_id: projectId,
      concurrency,
      retries: 0,
      wait: true,
    });
    const wallMs = performance.now() - started;
    return {
      concurrency,
      tasks: result.progress.total,
      wallMs,
      done: result.tasks.filter((task) => task.state === 'passed').length,
      status: result.run.status,
    };
  } finally {
    core.dispose();
  }
}

/** Runs with the sandbox the core picks by itself (the strongest available). */
export async function runExecutorThroughput(sandbox: SandboxKind): Promise<ExecutorRow[]> {
  const rows: ExecutorRow[] = [];
  for (const concurrency of EXECUTOR_CONCURRENCY) {
    progress(`runs: run_workflow on a ${EXECUTOR_TASKS}-task DAG at concurrency ${concurrency}`);
    rows.push(await runOnce(concurrency, sandbox));
  }
  return rows;
}
