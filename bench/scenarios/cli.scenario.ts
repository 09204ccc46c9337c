// Whole CLI commands against a benchmark database, timed from spawn to exit as a person or a
// script sees them: Node start-up, module loading, opening the database, the call, the output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Prng } from '../prng.ts';
import type { CliResult } from '../results.ts';
import { summarize } from '../timing.ts';
import { progress } from './bench-context.ts';

/** The CLI runs against this size's database (the nearest size run when it was left out). */
export const CLI_DATABASE_SIZE = 10_000;
export const CLI_PATH = fileURLToPath(new URL('../../bin/orchestron.mjs', import.meta.url));
const RUNS = 20;
const WARMUP = 2;

interface CliTarget {
  databasePath: string;
  projectId: number;
  /** Task ids 1..taskCount exist in the project. */
  taskCount: number;
}

export function runCliScenarios(target: CliTarget): CliResult[] {
  const baseline = timeCommand('node start-up alone (node -e "")', ['-e', '']);
  if (!existsSync(CLI_PATH))
    return [
      { ...baseline, baseline: true },
      {
        label: 'orchestron commands',
        stats: null,
        problem: 'CLI not available (bin/orchestron.mjs does not exist yet)',
      },
    ];
  const cli = (args: string[]) => [CLI_PATH, '--db', target.databasePath, ...args];
  const project = projectArgs(target.projectId);
  const shown = project.join(' ');
  const rng = new Prng(target.taskCount);
  const dependsOn = () => rng.distinctInts(2, 1, target.taskCount).join(',');
  return [
    { ...baseline, baseline: true },
    timeCommand('orchestron --help (no database)', [CLI_PATH, '--help'], true),
    {
      ...timeCommand('orchestron task get 1', () => cli(['task', 'get', '1'])),
      versusBaseline: true,
    },
    timeCommand(`orchestron task list ${shown} --json`, () =>
      cli(['task', 'list', ...project, '--json']),
    ),
    timeCommand(`orchestron task create ${shown} --title … --depends-on a,b`, (i) =>
      cli([
        'task',
        'create',
        ...project,
        '--title',
        `CLI bench task ${i}`,
        '--depends-on',
        dependsOn(),
      ]),
    ),
  ];
}

/** The flag that selects a project, read from the CLI's own help (the CLI is built from the registry). */
function projectArgs(projectId: number): string[] {
  const help = spawnSync(process.execPath, [CLI_PATH, 'task', 'list', '--help'], {
    encoding: 'utf8',
  });
  const flag = /--project(?:-id)?\b/.exec(help.stdout ?? '')?.[0];
  return flag ? [flag, String(projectId)] : [];
}

function timeCommand(
  label: string,
  args: string[] | ((i: number) => string[]),
  baseline = false,
): CliResult {
  progress(`CLI: ${label}`);
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const argv = typeof args === 'function' ? args(i) : args;
    const start = performance.now();
    const run = spawnSync(process.execPath, argv, {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const elapsed = performance.now() - start;
    if (run.status !== 0) {
      const output = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n')[0] ?? '';
      return {
        label,
        stats: null,
        problem: `exit ${run.status ?? run.signal}: ${output.slice(0, 160)}`,
      };
    }
    if (i >= WARMUP) samples.push(elapsed);
  }
  return { label, stats: summarize(samples), ...(baseline ? { baseline } : {}) };
}
