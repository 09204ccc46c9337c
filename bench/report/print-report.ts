// The whole printed report: a header with the machine and its load, one section per table,
// the notes the scenarios left, and the list of targets missed.
import type { DurabilityRow } from '../scenarios/durability.scenario.ts';
import { DURABILITY_TITLE, printDurability } from './print-durability.ts';
import { cpus, loadavg } from 'node:os';
import type { CliResult, SizeResult } from '../results.ts';
import type { EventLatencyResult } from '../scenarios/event-latency.ts';
import type { McpResult } from '../scenarios/mcp-results.ts';
import { printEventLatency } from './print-latency.ts';
import { listMcpMisses, printMcp } from './print-mcp.ts';
import { listRunsMisses, printRuns, RUNS_TITLE } from './print-runs.ts';
import type { RunsResult } from '../scenarios/runs-results.ts';
import type { UiResult } from '../scenarios/ui.scenario.ts';
import { listUiMisses, printUi, UI_TITLE } from './print-ui.ts';
import {
  listMisses,
  printCli,
  printImport,
  printOperations,
  printResources,
} from './print-results.ts';
import { formatCount } from './text-table.ts';

export interface Report {
  results: readonly SizeResult[];
  cli: readonly CliResult[];
  cliSize: number;
  /** Whether the CLI loaded its bundle or the sources. */
  cliLoading: string;
  loadAtStart: number;
  startedAt: number;
  eventLatency: EventLatencyResult;
  mcp: McpResult;
  durability: readonly DurabilityRow[];
  runs: RunsResult;
  ui: UiResult;
}

const MCP_TITLE = 'Agents over MCP: tool-call latency on a 5,000-task project, beside a bare ping';

function section(title: string, body: string): void {
  console.log(`\n${title}\n\n${body}`);
}

export function printReport(report: Report): void {
  const { results, cli, cliSize, cliLoading, loadAtStart, startedAt } = report;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const sizes = results.map((result) => formatCount(result.size)).join(', ');
  console.log(
    `\nOrchestron bench — Node ${process.version}, ${cpu} × ${cpus().length}; sizes ${sizes}`,
  );
  console.log(
    `1-minute load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine shows up in p99s).`,
  );
  section(
    'Bulk import (import_project of a generated document into a fresh database file)',
    printImport(results),
  );
  section('Operations through Orchestrator.call (after a warm-up)', printOperations(results));
  section('Storage and memory (each size runs in its own process)', printResources(results));
  section('CLI commands, spawned process wall time', `${printCli(cli, cliSize)}\n${cliLoading}`);
  section(
    'Event delivery: a write in another process until the page (Chromium) shows it',
    printEventLatency(report.eventLatency),
  );
  section(MCP_TITLE, printMcp(report.mcp));
  section(DURABILITY_TITLE, printDurability(report.durability));
  section(RUNS_TITLE, printRuns(report.runs));
  section(UI_TITLE, printUi(report.ui));
  const notes = results.flatMap((r) =>
    r.notes.map((note) => `- ${formatCount(r.size)} tasks: ${note}`),
  );
  section('Notes', notes.join('\n'));
  const misses = [
    ...listMisses(results, cli),
    ...listMcpMisses(report.mcp),
    ...listRunsMisses(report.runs),
    ...listUiMisses(report.ui),
  ];
  section(
    'Targets missed',
    misses.length === 0 ? 'none' : misses.map((miss) => `- ${miss}`).join('\n'),
  );
  console.log(`\nTotal bench time ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}

/** `npm run bench -- --only mcp`: the header, the MCP tables and their misses. */
export function printMcpReport(
  report: Pick<Report, 'mcp' | 'durability' | 'loadAtStart' | 'startedAt'>,
): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nOrchestron bench (MCP only) — Node ${process.version}, ${cpu} × ${cpus().length}`);
  console.log(
    `1-minute load average ${report.loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine shows up in p99s).`,
  );
  section(MCP_TITLE, printMcp(report.mcp));
  section(DURABILITY_TITLE, printDurability(report.durability));
  const misses = listMcpMisses(report.mcp);
  section(
    'Targets missed',
    misses.length === 0 ? 'none' : misses.map((miss) => `- ${miss}`).join('\n'),
  );
  console.log(`\nTotal bench time ${((Date.now() - report.startedAt) / 1000).toFixed(0)} s.`);
}

/** `npm run bench -- --only runs`: the header, the code-run and executor tables and their misses. */
export function printRunsReport(report: Pick<Report, 'runs' | 'loadAtStart' | 'startedAt'>): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nOrchestron bench (code runs only) — Node ${process.version}, ${cpu} × ${cpus().length}`,
  );
  console.log(
    `1-minute load average ${report.loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine shows up in p90s).`,
  );
  section(RUNS_TITLE, printRuns(report.runs));
  const misses = listRunsMisses(report.runs);
  section(
    'Targets missed',
    misses.length === 0 ? 'none' : misses.map((miss) => `- ${miss}`).join('\n'),
  );
  console.log(`\nTotal bench time ${((Date.now() - report.startedAt) / 1000).toFixed(0)} s.`);
}

/** `npm run bench -- --only ui`: the header, the graph-view tables and their misses. */
export function printUiReport(report: Pick<Report, 'ui' | 'loadAtStart' | 'startedAt'>): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nOrchestron bench (graph view only) — Node ${process.version}, ${cpu} × ${cpus().length}`,
  );
  console.log(
    `1-minute load average ${report.loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine shows up in frame times).`,
  );
  section(UI_TITLE, printUi(report.ui));
  const misses = listUiMisses(report.ui);
  section(
    'Targets missed',
    misses.length === 0 ? 'none' : misses.map((miss) => `- ${miss}`).join('\n'),
  );
  console.log(`\nTotal bench time ${((Date.now() - report.startedAt) / 1000).toFixed(0)} s.`);
}
