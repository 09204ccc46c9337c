// End-to-end latency of a trivial run per language: through execute_code (the recorded path an
// agent uses: the runs row, its events and log) and through the engine alone (CodeRunner), in
// each sandbox this machine offers; and the same program spawned bare (spawnSync, and node-pty
// without a sandbox), which the sandbox's overhead is measured against.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as Pty from 'node-pty';
import { CodeRunner } from '../../src/core/runs/code-runner.ts';
import { planLaunch } from '../../src/core/runs/languages.ts';
import { runFolderLayout } from '../../src/core/runs/run-folder.ts';
import { LANGUAGES, type Language, type SandboxKind } from '../../src/core/runs/run-types.ts';
import { summarize, type Stats } from '../timing.ts';
import { progress } from './bench-context.ts';
import { AGENT, openRunsCore, passableTempDir, TRIVIAL, type RunsCore } from './runs-core.ts';
import type { BareSpawn, RunLatency, RunPath } from './runs-results.ts';

export const TRIALS = 20;
const WARMUP_ROUNDS = 2;
const MEMORY_MB = 512;

const pty = createRequire(import.meta.url)('node-pty') as typeof Pty;

/** Starts `argv` under a terminal, as the runner does, and waits for its exit. */
function spawnInPty(argv: string[], cwd: string): Promise<number> {
  return new Promise((resolve) => {
    const terminal = pty.spawn(argv[0]!, argv.slice(1), { cwd, cols: 120, rows: 40 });
    terminal.onData(() => undefined);
    terminal.onExit(({ exitCode }) => resolve(exitCode));
  });
}

/** The program a trivial run of `language` starts, with its source written where the run puts it. */
function bareProgram(language: Language, root: string): { argv: string[]; cwd: string } {
  const folder = runFolderLayout(join(root, `bare-${language}`), false);
  mkdirSync(folder.work, { recursive: true });
  const plan = planLaunch(language, folder.work, MEMORY_MB, folder.database);
  writeFileSync(join(folder.work, plan.sourceName), TRIVIAL[language]);
  return { argv: plan.argv, cwd: folder.work };
}

type Way = 'spawnSync' | 'pty' | `${RunPath} ${SandboxKind}`;

/** One way of starting the trivial program of `language`, run once; throws when it did not succeed. */
type Start = () => Promise<void>;

function bareWays(language: Language, root: string): [Way, Start][] {
  const { argv, cwd } = bareProgram(language, root);
  return [
    [
      'spawnSync',
      async () => {
        const result = spawnSync(argv[0]!, argv.slice(1), { cwd, stdio: 'pipe' });
        if (result.status !== 0) throw new Error(`bare ${language} exited ${result.status}`);
      },
    ],
    [
      'pty',
      async () => {
        const code = await spawnInPty(argv, cwd);
        if (code !== 0) throw new Error(`bare ${language} under node-pty exited ${code}`);
      },
    ],
  ];
}

function engineWay(runner: CodeRunner, language: Language, sandbox: SandboxKind, root: string) {
  let count = 0;
  return async () => {
    const result = await runner.start({
      language,
      code: TRIVIAL[language],
      sandbox,
      runDirectory: join(root, `${language}-${sandbox}-${++count}`),
    }).done;
    if (result.status !== 'succeeded')
      throw new Error(`${language} in ${sandbox}: ${result.status} ${result.head.slice(0, 200)}`);
  };
}

function executeCodeWay(core: RunsCore, language: Language, sandbox: SandboxKind): Start {
  return async () => {
    const { execution } = await core.orchestrator.call(
      'execute_code',
      { language, code: TRIVIAL[language] },
      AGENT,
    );
    if (execution.status !== 'succeeded')
      throw new Error(`execute_code ${language}: ${execution.status} ${execution.head}`);
    // the engine the bench put in must be the one that ran
    if (execution.sandbox?.kind !== sandbox)
      throw new Error(`execute_code ran in ${execution.sandbox?.kind}, not ${sandbox}`);
  };
}

/**
 * Every way in turn, round after round, so that load from elsewhere on the machine falls on all
 * of them alike rather than on whichever ran during it.
 */
async function measureRounds(ways: [Way, Start][]): Promise<Map<Way, Stats>> {
  const samples = new Map<Way, number[]>(ways.map(([way]) => [way, []]));
  for (let round = 0; round < WARMUP_ROUNDS + TRIALS; round++)
    for (const [way, start] of ways) {
      const started = performance.now();
      await start();
      if (round >= WARMUP_ROUNDS) samples.get(way)!.push(performance.now() - started);
    }
  return new Map([...samples].map(([way, times]) => [way, summarize(times)]));
}

export interface LatencyFigures {
  latency: RunLatency[];
  bare: BareSpawn[];
  problems: string[];
}

async function measureLanguage(
  language: Language,
  sandboxes: readonly SandboxKind[],
  runner: CodeRunner,
  root: string,
  figures: LatencyFigures,
): Promise<void> {
  const cores = sandboxes.map((sandbox) => [sandbox, openRunsCore(sandbox)] as const);
  try {
    const ways = bareWays(language, root);
    for (const [sandbox, core] of cores) {
      ways.push([`execute_code ${sandbox}`, executeCodeWay(core, language, sandbox)]);
      ways.push([`CodeRunner ${sandbox}`, engineWay(runner, language, sandbox, root)]);
    }
    const stats = await measureRounds(ways);
    figures.bare.push({ language, spawnSync: stats.get('spawnSync')!, pty: stats.get('pty')! });
    for (const sandbox of sandboxes)
      for (const path of ['execute_code', 'CodeRunner'] as const)
        figures.latency.push({ language, path, sandbox, stats: stats.get(`${path} ${sandbox}`)! });
  } finally {
    for (const [, core] of cores) core.dispose();
  }
}

export async function runRunLatency(sandboxes: readonly SandboxKind[]): Promise<LatencyFigures> {
  const root = passableTempDir('orchestron-bench-latency-');
  const runner = new CodeRunner();
  const figures: LatencyFigures = { latency: [], bare: [], problems: [] };
  try {
    for (const language of LANGUAGES) {
      progress(`runs: a trivial ${language} run, ${TRIALS} times per way of starting it`);
      try {
        await measureLanguage(language, sandboxes, runner, root, figures);
      } catch (error) {
        figures.problems.push(`${language}: ${(error as Error).message}`);
      }
    }
  } finally {
    await runner.dispose();
    rmSync(root, { recursive: true, force: true });
  }
  return figures;
}
