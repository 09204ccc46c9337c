// Planning speed: get_next_task on projects of 1,000 and 10,000 tasks where most tasks carry a
// complexity score and an estimate (plain, and with the complexity and hour limits), and
// analyze_complexity / estimate_effort on a task referencing real files, with the project's
// completed tasks as history. `npm run bench -- --only planning [--sizes 1000,10000]`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import type { OperationInput } from '../../src/shared/operations/registry.ts';
import { formatMs, formatTable } from '../report/text-table.ts';
import { generateProject } from '../generate-project.ts';
import { Prng } from '../prng.ts';
import { measure, type Stats } from '../timing.ts';
import { progress } from './bench-context.ts';

export const PLANNING_SIZES = [1_000, 10_000] as const;
const RUNS = { warmup: 20, iterations: 300, budgetMs: 5_000 };
/** Files the analysed task references, and the lines of each. */
const FILES = 20;
const FILE_LINES = 300;
/** Share of tasks given a complexity score and an estimate, as if analysed before. */
const PLANNED_SHARE = 0.7;

export interface PlanningRow {
  size: number;
  label: string;
  stats: Stats;
}

/** A code base of FILES TypeScript files that import each other and a few packages. */
function writeCodeBase(root: string): string[] {
  mkdirSync(join(root, 'src'), { recursive: true });
  const paths: string[] = [];
  for (let index = 0; index < FILES; index++) {
    const imports = [
      "import { z } from 'zod';",
      `import { part${index + 1} } from './part-${(index + 1) % FILES}.ts';`,
    ];
    const body = Array.from(
      { length: FILE_LINES - 3 },
      (_, line) => `export const v${line} = ${line};`,
    );
    const path = `src/part-${index}.ts`;
    writeFileSync(join(root, path), [...imports, ...body, ''].join('\n'));
    paths.push(path);
  }
  return paths;
}

/** The generated project with scores, estimates and measured durations on most tasks. */
function plannedDocument(size: number) {
  const { document } = generateProject(size);
  const rng = new Prng(0x91a7 ^ size);
  for (const task of document.tasks) {
    if (rng.next() >= PLANNED_SHARE) continue;
    const score = rng.int(1, 10);
    task.complexity_score = score;
    task.estimated_hours = Math.max(0.5, score * rng.int(1, 4) * 0.5);
    // completed work needs a start before its end to count as history
    if (task.status === 'completed' && task.completed_at)
      task.started_at = new Date(
        Date.parse(task.completed_at) - task.estimated_hours * 3_600_000,
      ).toISOString();
  }
  return document;
}

async function runSize(size: number, directory: string): Promise<PlanningRow[]> {
  const orchestrator = new Orchestrator({
    databasePath: join(directory, `planning-${size}.db`),
    watchIntervalMs: false,
  });
  const context = { actor: 'bench' };
  const call = <N extends Parameters<Orchestrator['call']>[0]>(name: N, input: OperationInput<N>) =>
    orchestrator.call(name, input, context);
  const rows: PlanningRow[] = [];
  const record = async (label: string, body: () => Promise<unknown>) => {
    progress(`${size.toLocaleString('en')} tasks: ${label}`);
    rows.push({ size, label, stats: await measure(body, RUNS) });
  };
  try {
    const { project } = await call('import_project', { document: plannedDocument(size) });
    const project_id = project.id;
    const criteria: [string, OperationInput<'get_next_task'>][] = [
      ['get_next_task', {}],
      ['get_next_task max_complexity 5', { max_complexity: 5 }],
      ['get_next_task hours_available_today 3', { hours_available_today: 3 }],
      [
        'get_next_task max_complexity 4 + 2 h + tag',
        { max_complexity: 4, hours_available_today: 2, required_tags: ['backend'] },
      ],
    ];
    for (const [label, input] of criteria)
      await record(label, () => call('get_next_task', { project_id, ...input }));

    const root = join(directory, `code-${size}`);
    const paths = writeCodeBase(root);
    await call('update_project', { project_id, root_path: root });
    const { task } = await call('create_task', {
      project_id,
      title: 'Migrate the scheduler cache to the new backend',
      tags: ['backend'],
      code_language: 'typescript',
      file_refs: paths.map((path) => ({ path })),
    });
    await record(`analyze_complexity (${FILES} files, ${FILES * FILE_LINES} lines)`, () =>
      call('analyze_complexity', { task_id: task.id }),
    );
    await record('estimate_effort (same task)', () =>
      call('estimate_effort', { task_id: task.id }),
    );
  } finally {
    orchestrator.dispose();
  }
  return rows;
}

export async function runPlanningBench(
  sizes: readonly number[] = PLANNING_SIZES,
): Promise<PlanningRow[]> {
  const directory = mkdtempSync(join(tmpdir(), 'orchestron-planning-bench-'));
  try {
    const rows: PlanningRow[] = [];
    for (const size of sizes) rows.push(...(await runSize(size, directory)));
    return rows;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function printPlanning(rows: readonly PlanningRow[]): string {
  return [
    `Planning (${Math.round(PLANNED_SHARE * 100)}% of tasks scored and estimated)`,
    formatTable(
      ['tasks', 'operation', 'median ms', 'p90 ms', 'p99 ms', 'runs'],
      rows.map(({ size, label, stats }) => [
        size.toLocaleString('en'),
        label,
        formatMs(stats.median),
        formatMs(stats.p90),
        formatMs(stats.p99),
        String(stats.count),
      ]),
      ['right', 'left', 'right', 'right', 'right', 'right'],
    ),
  ].join('\n');
}
