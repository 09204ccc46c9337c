// Turns the results into the tables `npm run bench` prints, with each figure next to its target
// and a closing list of the targets missed.
import type { CliResult, SizeResult } from '../results.ts';
import { TARGETS, verdict } from '../targets.ts';
import { formatBytes, formatCount, formatMs, formatTable } from './text-table.ts';

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

export function printImport(results: readonly SizeResult[]): string {
  const rows = results.map((result) => {
    const ms = median(result.importMs);
    const target =
      result.size === TARGETS.importMs.size
        ? `< ${formatCount(TARGETS.importMs.ms)} ms: ${verdict(ms, TARGETS.importMs.ms)}`
        : '';
    return [
      formatCount(result.size),
      formatCount(result.edgeCount),
      formatMs(result.generateMs),
      formatMs(ms),
      result.importMs.map(formatMs).join(', '),
      formatMs(result.validateMs),
      formatCount(Math.round(result.size / (ms / 1000))),
      target,
    ];
  });
  const headers = [
    'tasks',
    'edges',
    'generate ms',
    'import ms (median)',
    'runs (ms)',
    'of which input schema ms',
    'tasks/s',
    'target',
  ];
  const align = headers.map((_, column): 'left' | 'right' =>
    column === headers.length - 1 ? 'left' : 'right',
  );
  return formatTable(headers, rows, align);
}

/** The size the 1 ms target is judged at: 50,000 when it ran, otherwise the largest that did. */
export function judgedSize(results: readonly SizeResult[]): number {
  const sizes = results.map((result) => result.size);
  return sizes.includes(TARGETS.singleOperationMs.size)
    ? TARGETS.singleOperationMs.size
    : Math.max(...sizes);
}

export function printOperations(results: readonly SizeResult[]): string {
  const judged = results.find((result) => result.size === judgedSize(results))!;
  const labels = results[0]?.operations.map((operation) => operation.label) ?? [];
  const rows = labels.map((label) => {
    const cells = results.map((result) => {
      const stats = result.operations.find((operation) => operation.label === label)?.stats;
      return stats ? `${formatMs(stats.median)} / ${formatMs(stats.p99)}` : '–';
    });
    const counts = [
      ...new Set(
        results.map((result) => result.operations.find((o) => o.label === label)?.stats.count ?? 0),
      ),
    ];
    const operation = judged.operations.find((o) => o.label === label);
    const target = !operation
      ? '–'
      : operation.kind === 'bulk'
        ? 'n/a †'
        : verdict(operation.stats.median, TARGETS.singleOperationMs.ms);
    return [label, ...cells, counts.join('/'), target];
  });
  const headers = [
    'operation (median / p99 ms)',
    ...results.map((r) => `${formatCount(r.size)} tasks`),
    'runs',
    `< 1 ms @ ${formatCount(judged.size)}`,
  ];
  const align = [
    'left' as const,
    ...results.map(() => 'right' as const),
    'right' as const,
    'left' as const,
  ];
  return `${formatTable(headers, rows, align)}\n† whole-project work (every task, or a cascade through most of the project): the 1 ms single-operation target does not apply.`;
}

export function printResources(results: readonly SizeResult[]): string {
  const rows = results.map(({ size, storage, memory }) => [
    formatCount(size),
    formatBytes(storage.databaseBytes),
    formatBytes(storage.walBytes),
    formatBytes(storage.closedBytes),
    `${formatCount(Math.round(storage.closedBytes / size))} B`,
    formatBytes(memory.maxRssBytes),
    formatBytes(memory.peakHeapBytes),
    memory.liveHeapBytes === null ? '–' : formatBytes(memory.liveHeapBytes),
    memory.documentHeapBytes === null ? '–' : formatBytes(memory.documentHeapBytes),
  ]);
  const headers = [
    'tasks',
    'db file after import',
    'WAL after import',
    'db at the end, closed',
    'per task',
    'peak RSS (maxRSS)',
    'peak heap used',
    'live heap after GC',
    'of which bench document',
  ];
  return `${formatTable(
    headers,
    rows,
    headers.map(() => 'right' as const),
  )}
After the import most pages still sit in the WAL; "closed": after every scenario, once the last connection checkpointed the WAL into the file and removed it. Peak heap includes garbage not yet collected.`;
}

/** The node start-up median a command is compared with. */
function baselineMedian(results: readonly CliResult[]): number | null {
  return results.find((result) => result.baseline)?.stats?.median ?? null;
}

function cliTarget(result: CliResult, baseline: number | null): string {
  const mid = result.stats!.median;
  if (result.baseline) return 'baseline';
  if (!result.versusBaseline || baseline === null)
    return `< ${TARGETS.cliMs} ms: ${verdict(mid, TARGETS.cliMs)}`;
  const ratio = mid / baseline;
  return `≤ ${TARGETS.cliVersusNode}× node (${ratio.toFixed(2)}×): ${verdict(ratio, TARGETS.cliVersusNode + 1e-9)}`;
}

export function printCli(results: readonly CliResult[], size: number): string {
  const baseline = baselineMedian(results);
  const rows = results.map((result) => {
    if (!result.stats) return [result.label, '–', '–', '–', '–', result.problem ?? ''];
    const { median: mid, p90, min, max } = result.stats;
    const target = cliTarget(result, baseline);
    return [result.label, formatMs(mid), formatMs(p90), formatMs(min), formatMs(max), target];
  });
  const headers = [
    `command (against the ${formatCount(size)}-task database)`,
    'median ms',
    'p90 ms',
    'min',
    'max',
    'target',
  ];
  return formatTable(headers, rows, ['left', 'right', 'right', 'right', 'right', 'left']);
}

export function listMisses(results: readonly SizeResult[], cli: readonly CliResult[]): string[] {
  const misses: string[] = [];
  const importRun = results.find((result) => result.size === TARGETS.importMs.size);
  if (importRun && median(importRun.importMs) >= TARGETS.importMs.ms) {
    misses.push(
      `import of ${formatCount(importRun.size)} tasks: ${formatMs(median(importRun.importMs))} ms (target < ${formatCount(TARGETS.importMs.ms)} ms)`,
    );
  }
  const judged = results.find((result) => result.size === judgedSize(results));
  for (const operation of judged?.operations ?? []) {
    if (operation.kind === 'single' && operation.stats.median >= TARGETS.singleOperationMs.ms) {
      misses.push(
        `${operation.label} at ${formatCount(judged!.size)} tasks: median ${formatMs(operation.stats.median)} ms (target < 1 ms)`,
      );
    }
  }
  const baseline = baselineMedian(cli);
  for (const result of cli) {
    if (result.versusBaseline && result.stats && baseline !== null) {
      const ratio = result.stats.median / baseline;
      if (ratio > TARGETS.cliVersusNode)
        misses.push(
          `CLI ${result.label}: ${ratio.toFixed(2)}× node start-up (target ≤ ${TARGETS.cliVersusNode}×)`,
        );
    } else if (!result.baseline && result.stats && result.stats.median >= TARGETS.cliMs) {
      misses.push(
        `CLI ${result.label}: median ${formatMs(result.stats.median)} ms (target < ${TARGETS.cliMs} ms)`,
      );
    }
  }
  return misses;
}
