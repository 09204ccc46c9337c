// The other process of the graph-view bench: opens the served database file with its own
// Orchestrator and renames the given tasks one after another on a fixed schedule, noting
// Date.now() just before each write. Usage (forked with IPC): ui-writer.ts <database> <every ms> <id>...
import { setTimeout as sleep } from 'node:timers/promises';
import { Orchestrator } from '../../src/core/orchestrator.ts';

export interface UiWrites {
  /** Date.now() just before write i, which renames task ids[i] to "ui latency <i>". */
  sentAt: number[];
}

const [databasePath, every, ...ids] = process.argv.slice(2);
const everyMs = Number(every);
const taskIds = ids.map(Number);
if (!process.send || !databasePath || !(everyMs > 0) || taskIds.length === 0)
  throw new Error('Fork with IPC: ui-writer.ts <database> <every ms> <task id>...');

const orchestrator = new Orchestrator({ databasePath, watchIntervalMs: false });
const sentAt: number[] = [];
// a short pause first, so the schedule does not include opening the database
const start = Date.now() + 200;
for (const [i, taskId] of taskIds.entries()) {
  const due = start + i * everyMs;
  if (due > Date.now()) await sleep(due - Date.now());
  sentAt.push(Date.now());
  await orchestrator.call(
    'update_task',
    { task_id: taskId, title: `ui latency ${i}` },
    { actor: 'bench:ui' },
  );
}
orchestrator.dispose();
const report: UiWrites = { sentAt };
process.send(report, () => process.disconnect());
