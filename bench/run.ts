// `npm run bench [-- --sizes 1000,10000]`: runs every project size in its own process, then the
// CLI against the 10,000-task database, then event delivery to the page, then agents over MCP,
// then the durability levels, then code runs and the workflow executor, then the graph view in
// Chromium, and prints the tables with the targets beside them. `-- --only mcp` runs the MCP part
// and the durability table alone; `-- --only runs` the code-run and executor part alone;
// `-- --only ui` the graph view in Chromium (500 and 2,000 tasks, or the --sizes given).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, type BenchOptions } from './options.ts';
import {
  printMcpReport,
  printReport,
  printRunsReport,
  printUiReport,
} from './report/print-report.ts';
import type { SizeResult } from './results.ts';
import { describeCliLoading } from './scenarios/cli-loading.ts';
import { CLI_DATABASE_SIZE, runCliScenarios } from './scenarios/cli.scenario.ts';
import { runEventLatency } from './scenarios/event-latency.ts';
import { runDurability } from './scenarios/durability.scenario.ts';
import { runMcpBench } from './scenarios/mcp-bench.scenario.ts';
import { runRunsBench } from './scenarios/runs.scenario.ts';
import { runUiBench, UI_SIZES } from './scenarios/ui.scenario.ts';

const WORKER = fileURLToPath(new URL('./size-worker.ts', import.meta.url));

/** --expose-gc lets the worker report its live heap after a full collection. */
function runSizeInChild(size: number, directory: string): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [String(size), directory], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, '--expose-gc'],
    });
    let result: SizeResult | undefined;
    child.on('message', (message) => (result = message as SizeResult));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else
        reject(
          new Error(`The ${size}-task run ended (${signal ?? `exit ${code}`}) without a result.`),
        );
    });
  });
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const startedAt = Date.now();
  const loadAtStart = loadavg()[0]!;
  if (options.only === 'planning') {
    const { runPlanningBench, printPlanning, PLANNING_SIZES } =
      await import('./scenarios/planning.scenario.ts');
    const asked =
      process.argv.includes('--sizes') || process.argv.some((a) => a.startsWith('--sizes='));
    console.log(printPlanning(await runPlanningBench(asked ? options.sizes : PLANNING_SIZES)));
    return;
  }
  if (options.only === 'prd') {
    const { runPrdBench, printPrdFigures } = await import('./scenarios/prd.scenario.ts');
    printPrdFigures(await runPrdBench());
    return;
  }
  if (options.only === 'taskmaster') {
    const { runTaskmasterBench, printTaskmasterFigures } =
      await import('./scenarios/taskmaster.scenario.ts');
    printTaskmasterFigures(await runTaskmasterBench());
    return;
  }
  if (options.only === 'mcp') {
    const mcp = await runMcpBench({ rounds: options.mcpCalls });
    const durability = await runDurability();
    printMcpReport({ mcp, durability, loadAtStart, startedAt });
    return;
  }
  if (options.only === 'ui') {
    const asked =
      process.argv.includes('--sizes') || process.argv.some((a) => a.startsWith('--sizes='));
    const ui = await runUiBench(asked ? options.sizes : UI_SIZES);
    printUiReport({ ui, loadAtStart, startedAt });
    return;
  }
  if (options.only === 'runs') {
    printRunsReport({ runs: await runRunsBench(), loadAtStart, startedAt });
    return;
  }
  const { sizes } = options;
  const directory = mkdtempSync(join(tmpdir(), 'orchestron-bench-'));
  try {
    const results: SizeResult[] = [];
    for (const size of sizes) results.push(await runSizeInChild(size, directory));
    const distance = (result: SizeResult) => Math.abs(result.size - CLI_DATABASE_SIZE);
    const target = results.reduce((best, result) =>
      distance(result) < distance(best) ? result : best,
    );
    const cliLoading = describeCliLoading();
    const cli = runCliScenarios({
      databasePath: target.databasePath,
      projectId: target.projectId,
      taskCount: target.size,
    });
    const eventLatency = await runEventLatency();
    const mcp = await runMcpBench({ rounds: options.mcpCalls });
    const durability = await runDurability();
    const runs = await runRunsBench();
    const ui = await runUiBench();
    printReport({
      results,
      cli,
      cliSize: target.size,
      cliLoading,
      loadAtStart,
      startedAt,
      eventLatency,
      mcp,
      durability,
      runs,
      ui,
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
