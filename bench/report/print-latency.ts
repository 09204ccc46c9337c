// The event-latency table: from a write in another process to the row updated in the page.
import type { EventLatencyResult, LatencyStats } from '../scenarios/event-latency.ts';
import { formatCount, formatMs, formatTable } from './text-table.ts';

function row(label: string, stats: LatencyStats | null): string[] {
  if (!stats) return [label, '0', '–', '–', '–'];
  const { count, p50, p95, max } = stats;
  return [label, formatCount(count), formatMs(p50), formatMs(p95), formatMs(max)];
}

export function printEventLatency(result: EventLatencyResult): string {
  if (!result.stats) return result.problem ?? 'no figures';
  const table = formatTable(
    ['leg', 'writes', 'p50 ms', 'p95 ms', 'max ms'],
    [
      row('write → row shown in the page', result.stats),
      row('  of which: write → server delivers the event', result.toServer),
      row('  of which: server delivers → row shown', result.serverToPage),
    ],
    ['left', 'right', 'right', 'right', 'right'],
  );
  const missed =
    result.missed > 0 ? `\n${result.missed} write(s) never showed in the page within 3 s.` : '';
  return `${table}
One write every ${result.everyMs} ms (update_task title) from a separate process; the server notices other processes' commits by polling every ${result.serverPollMs} ms (orchestron serve's default), so about half of that is waiting for the poll.${missed}`;
}
