// Task Master import and export speed: Task Master's own 1.5 MB tasks.json (1,096 tasks and
// subtasks in 9 tags) and a generated file of 5,000 tasks (with 4,998 subtasks), each imported
// into a fresh database file, as `orchestron import` does; reading and planning alone (no
// database); and export of each imported project. The target: 5,000 tasks well under a second.
// `npm run bench -- --only taskmaster`, or standalone `npx node bench/scenarios/taskmaster.scenario.ts`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { planImport } from '../../src/core/intake/taskmaster/import-plan.ts';
import { readTaskMasterFile } from '../../src/core/intake/taskmaster/taskmaster-file.ts';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import {
  generatedFile,
  TASKMASTER_FIXTURE,
} from '../../test/core/intake/taskmaster/taskmaster-helpers.ts';
import { measure, summarize, type Stats } from '../timing.ts';

/** Fresh imports timed after the first (cold) one. */
const IMPORT_RUNS = 5;
const FAST_RUNS = { warmup: 3, iterations: 20, minIterations: 20 };

interface FileFigures {
  name: string;
  tasks: number;
  bytes: number;
  readAndPlan: Stats;
  firstImportMs: number;
  importMs: Stats;
  exportMs: Stats;
}

async function figuresFor(name: string, content: string, directory: string): Promise<FileFigures> {
  let run = 0;
  const fresh = () =>
    new Orchestrator({
      databasePath: join(directory, `${name}-${run++}.db`),
      watchIntervalMs: false,
    });
  const input = { content, break_cycles: true };
  const importOnce = async () => {
    const orchestrator = fresh();
    const start = performance.now();
    const result = await orchestrator.call('import_taskmaster', input);
    const ms = performance.now() - start;
    return { orchestrator, ms, tasks: result.task_count };
  };
  const first = await importOnce();
  const exportMs = await measure(() => first.orchestrator.call('export_taskmaster', {}), FAST_RUNS);
  first.orchestrator.dispose();
  // the call alone: opening a fresh database (migrations) stays out of the figure
  const samples: number[] = [];
  for (let index = 0; index < IMPORT_RUNS; index++) {
    const imported = await importOnce();
    imported.orchestrator.dispose();
    samples.push(imported.ms);
  }
  const importMs = summarize(samples);
  const readAndPlan = await measure(
    async () =>
      planImport(readTaskMasterFile(content), { now: new Date().toISOString(), breakCycles: true }),
    FAST_RUNS,
  );
  return {
    name,
    tasks: first.tasks,
    bytes: Buffer.byteLength(content),
    readAndPlan,
    firstImportMs: first.ms,
    importMs,
    exportMs,
  };
}

export async function runTaskmasterBench(): Promise<FileFigures[]> {
  const directory = mkdtempSync(join(tmpdir(), 'orchestron-taskmaster-bench-'));
  try {
    return [
      await figuresFor(
        'claude-task-master.tasks.json',
        readFileSync(TASKMASTER_FIXTURE, 'utf8'),
        directory,
      ),
      await figuresFor('generated 5,000 tasks', generatedFile(5000), directory),
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function printTaskmasterFigures(figures: readonly FileFigures[]): void {
  console.log(
    '\nTask Master import / export (fresh database per import; medians, p90 in brackets)',
  );
  for (const file of figures) {
    const ms = (stats: Stats) => `${stats.median.toFixed(1)} ms (p90 ${stats.p90.toFixed(1)})`;
    console.log(
      `  ${file.name}: ${file.tasks.toLocaleString('en')} tasks, ${(file.bytes / 1e6).toFixed(2)} MB — ` +
        `import ${ms(file.importMs)}, first ${file.firstImportMs.toFixed(0)} ms; ` +
        `read + plan ${ms(file.readAndPlan)}; export ${ms(file.exportMs)}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  printTaskmasterFigures(await runTaskmasterBench());
