// The durability table: write latency with every commit synced (full) and without (normal).
import type { DurabilityRow } from '../scenarios/durability.scenario.ts';
import { formatMs, formatTable } from './text-table.ts';

export const DURABILITY_TITLE =
  'Durability: write latency with the sync per commit (full) and without (normal)';

export function printDurability(rows: readonly DurabilityRow[]): string {
  const table = formatTable(
    ['durability', 'create_task p50', 'p99', 'claim_next_task p50', 'p99'],
    rows.map((row) => [
      row.level,
      formatMs(row.createTask.median),
      formatMs(row.createTask.p99),
      formatMs(row.claimNextTask.median),
      formatMs(row.claimNextTask.p99),
    ]),
    ['left', 'right', 'right', 'right', 'right'],
  );
  return `${table}
Milliseconds through Orchestrator.call on a fresh database file, after 20 warm-up calls: ${rows[0]?.createTask.count ?? 0} create_task, then ${rows[0]?.claimNextTask.count ?? 0} claim_next_task by one agent (each takes a fresh ready task). \`orchestron durability normal\` switches a database to normal: a crash of Orchestron loses nothing, a power cut may lose the last commits.`;
}
