// The runner and executor tables: latency of a trivial run per language and sandbox, the sandbox's
// overhead against a bare spawn, executor throughput on a DAG of `true` commands, and output
// throughput under a flood with what the core does meanwhile; the issue's aims beside them.
import { availableParallelism } from 'node:os';
import type { SandboxKind } from '../../src/core/runs/run-types.ts';
import { EVENT_BYTES, RATE_BYTES } from '../../src/core/runs/output-events.ts';
import type { FloodRow, RunPath, RunsResult } from '../scenarios/runs-results.ts';
import type { Stats } from '../timing.ts';
import { formatCount, formatMs, formatTable } from './text-table.ts';

export const RUNS_TITLE = 'Code runs and the workflow executor';

const MIB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MIB).toFixed(1);

function find(result: RunsResult, language: string, path: RunPath, sandbox: SandboxKind) {
  return result.latency.find(
    (row) => row.language === language && row.path === path && row.sandbox === sandbox,
  )?.stats;
}

const p50 = (stats: Stats | undefined) => (stats ? formatMs(stats.median) : '–');
const p90 = (stats: Stats | undefined) => (stats ? formatMs(stats.p90) : '–');

function latencyTable(result: RunsResult): string {
  const languages = result.bare.map((row) => row.language);
  const strongest = result.sandboxes[0]!;
  const headers = ['language'];
  for (const sandbox of result.sandboxes)
    headers.push(`execute_code ${sandbox} p50`, 'p90', `CodeRunner ${sandbox} p50`, 'p90');
  headers.push(`recording (${strongest})`);
  const rows = languages.map((language) => {
    const cells: string[] = [language];
    for (const sandbox of result.sandboxes) {
      const recorded = find(result, language, 'execute_code', sandbox);
      const engine = find(result, language, 'CodeRunner', sandbox);
      cells.push(p50(recorded), p90(recorded), p50(engine), p90(engine));
    }
    const recorded = find(result, language, 'execute_code', strongest);
    const engine = find(result, language, 'CodeRunner', strongest);
    cells.push(recorded && engine ? formatMs(recorded.median - engine.median) : '–');
    return cells;
  });
  return `${formatTable(headers, rows, ['left', ...Array<'right'>(headers.length - 1).fill('right')])}
Milliseconds, ${result.trials} trivial runs each (print 1; select 1 for sql) after 2 warm-ups, every way of starting a run taking its turn in each round: execute_code is Orchestrator.call as an agent (the runs row written before the code starts and completed after, run.started/run.finished events, the log, a new folder per run); CodeRunner is the engine alone (folder, pty, sandbox, limits). Recording = the execute_code p50 minus the CodeRunner p50. The issue sets no figure for these.`;
}

function overheadTable(result: RunsResult): string {
  const headers = ['language', 'spawnSync p50', 'node-pty p50'];
  for (const sandbox of result.sandboxes) headers.push(`${sandbox} p50`, 'overhead ms');
  const rows = result.bare.map((bare) => {
    const cells = [bare.language, formatMs(bare.spawnSync.median), formatMs(bare.pty.median)];
    for (const sandbox of result.sandboxes) {
      const engine = find(result, bare.language, 'CodeRunner', sandbox);
      cells.push(p50(engine), engine ? formatMs(engine.median - bare.spawnSync.median) : '–');
    }
    return cells;
  });
  return `${formatTable(headers, rows, ['left', ...Array<'right'>(headers.length - 1).fill('right')])}
Milliseconds, median of ${result.trials}: the same runtime and source file as the trivial run, started with child_process.spawnSync, then under node-pty without a sandbox; the sandbox columns are CodeRunner runs, and overhead = their p50 minus the spawnSync p50 (the terminal's share is the node-pty column minus spawnSync). Under rlimits a run as root drops to nobody through setpriv, inside prlimit.`;
}

function executorTable(result: RunsResult): string {
  if (result.executor.length === 0) return 'not run (see the problems below)';
  const rows = result.executor.map((row) => [
    String(row.concurrency),
    `${row.done} of ${row.tasks}`,
    (row.wallMs / 1000).toFixed(2),
    (row.tasks / (row.wallMs / 1000)).toFixed(1),
    formatMs(row.wallMs / row.tasks),
    row.status,
    `${result.executorTasks} of ${result.executorTasks}, completed`,
  ]);
  return `${formatTable(
    ['concurrency', 'tasks done', 'total s', 'tasks/s', 'wall ms per task', 'status', 'aim'],
    rows,
    ['right', 'right', 'right', 'right', 'right', 'left', 'left'],
  )}
run_workflow (wait: true, retries 0) on a fresh database per row: ${result.executorTasks} tasks made with create_task and update_task (run spec and verify spec), in layers of 20 where each task depends on two of the layer before, each with the command \`true\` (bash, ${result.sandboxes[0]} sandbox) and the check exit 0. Every command is a recorded run (row, events, log). This machine has ${availableParallelism()} cores (run_workflow's default concurrency). The issue sets no throughput figure.`;
}

function eventsCell(row: FloodRow, cell: 'count' | 'rate' | 'dropped'): string {
  if (!row.events) return '–';
  if (cell === 'count') return `${formatCount(row.events.count)} (${row.events.duringRun} live)`;
  if (cell === 'dropped') return mib(row.events.droppedBytes);
  return ((row.events.textBytes / 1024) * (1000 / row.durationMs)).toFixed(1);
}

function throughputTable(result: RunsResult): string {
  const rows = result.flood.map((row) => [
    row.label,
    row.sandbox,
    mib(row.deliveredBytes),
    (row.durationMs / 1000).toFixed(2),
    (row.deliveredBytes / MIB / (row.durationMs / 1000)).toFixed(1),
    row.deliveredBytes === row.totalBytes ? 'yes' : `NO (${mib(row.totalBytes)} MiB produced)`,
    eventsCell(row, 'count'),
    eventsCell(row, 'rate'),
    eventsCell(row, 'dropped'),
    row.status,
  ]);
  return `${formatTable(
    [
      'path',
      'sandbox',
      'MiB delivered',
      's',
      'live MiB/s',
      'every byte',
      'run.output events',
      'event KiB/s',
      'dropped MiB',
      'status',
    ],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'right', 'left'],
  )}
\`yes | head -c ${formatCount(result.floodBytes)}\` (bash); the terminal turns each "y\\n" into "y\\r\\n", so half as much again arrives. Live = what the call's output (onOutput) received, in ~16 ms batches, with back-pressure (aim: nothing lost, the pty paused instead of memory growing). run.output events are what a subscriber of the core received: by design at most ${EVENT_BYTES / 1024} KiB each and ${RATE_BYTES / 1024} KiB/s of text per run, the rest counted as dropped (it is in the run's log); "live" = received before the call returned (delivered when a call polls the event log: here the get_task probes).`;
}

function coreTable(result: RunsResult): string {
  const rows = result.flood.map((row) => [
    row.label,
    row.sandbox,
    formatMs(row.loopGapMs.max),
    formatMs(row.loopGapMs.p99),
    row.probe ? formatCount(row.probe.calls) : '–',
    row.probe ? formatMs(row.probe.stats.median) : '–',
    row.probe ? formatMs(row.probe.stats.max) : '–',
    mib(row.rssGrowthBytes),
  ]);
  return `${formatTable(
    [
      'path',
      'sandbox',
      'longest loop gap ms',
      'p99 gap',
      'get_task calls',
      'p50 ms',
      'max ms',
      'RSS growth MiB',
    ],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  )}
While the flood ran: the gaps between ticks of a 5 ms timer in this process (the core's event loop), get_task calls made one every 50 ms through the same core, and this process's peak RSS over its RSS just before the flood. Aims (issue 7): an output flood never blocks the core; output kept as head and tail (1 MiB each), so memory does not grow with the output.`;
}

export function printRuns(result: RunsResult): string {
  const problems =
    result.problems.length > 0
      ? `\n\nProblems:${result.problems.map((problem) => `\n- ${problem}`).join('')}`
      : '';
  return `${latencyTable(result)}

Sandbox overhead against a bare spawn

${overheadTable(result)}

Executor throughput: a ${result.executorTasks}-task DAG of \`true\` commands

${executorTable(result)}

Output throughput under a flood

${throughputTable(result)}

The core during the flood

${coreTable(result)}${problems}`;
}

/** The aims missed, one line each: tasks left undone, output lost, runs that did not succeed. */
export function listRunsMisses(result: RunsResult): string[] {
  const misses: string[] = [];
  for (const row of result.executor)
    if (row.done !== row.tasks || row.status !== 'completed')
      misses.push(
        `executor at concurrency ${row.concurrency}: ${row.done} of ${row.tasks} tasks done, run ${row.status}`,
      );
  for (const row of result.flood) {
    if (row.deliveredBytes !== row.totalBytes)
      misses.push(
        `${row.label} (${row.sandbox}): ${formatCount(row.deliveredBytes)} of ${formatCount(row.totalBytes)} output bytes reached the live consumer`,
      );
    if (row.status !== 'succeeded')
      misses.push(`${row.label} (${row.sandbox}): flood ${row.status}`);
  }
  for (const problem of result.problems) misses.push(`runs: ${problem}`);
  return misses;
}
