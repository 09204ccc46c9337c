// The runner and executor figures: latency of a trivial run per language and sandbox beside a bare
// spawn, executor throughput on a 200-task DAG, and output throughput under a flood. Standalone:
// `npm run bench -- --only runs`.
import { probeSandboxTools } from '../../src/core/runs/sandbox-probe.ts';
import { availableSandboxes } from './runs-core.ts';
import { EXECUTOR_TASKS, runExecutorThroughput } from './runs-executor.scenario.ts';
import { runRunLatency, TRIALS } from './runs-latency.scenario.ts';
import { FLOOD_BYTES, runOutputThroughput } from './runs-output.scenario.ts';
import type { RunsResult } from './runs-results.ts';

export async function runRunsBench(): Promise<RunsResult> {
  const sandboxes = availableSandboxes(probeSandboxTools());
  const problems: string[] = [];
  const latency = await runRunLatency(sandboxes);
  problems.push(...latency.problems);
  const executor = await runExecutorThroughput(sandboxes[0]!).catch((error: Error) => {
    problems.push(`executor: ${error.message}`);
    return [];
  });
  const flood = await runOutputThroughput(sandboxes).catch((error: Error) => {
    problems.push(`output flood: ${error.message}`);
    return [];
  });
  return {
    sandboxes,
    trials: TRIALS,
    latency: latency.latency,
    bare: latency.bare,
    executor,
    executorTasks: EXECUTOR_TASKS,
    flood,
    floodBytes: FLOOD_BYTES,
    problems,
  };
}
