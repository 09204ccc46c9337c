// The other process of the event-latency scenario: opens the server's database file and renames
// tasks on a fixed schedule, noting the time just before each write, then reports the times.
// Usage (forked with IPC): event-latency-writer.ts <database> <first task id> <tasks> <writes> <every ms>
import { setTimeout as sleep } from 'node:timers/promises';
import { Orchestrator } from '../../src/core/orchestrator.ts';

export interface LatencyWrites {
  /** Date.now() just before write i, which renames task (first + i % tasks) to "latency i". */
  sentAt: number[];
}

function parseArguments() {
  const [databasePath, ...rest] = process.argv.slice(2);
  const [firstId, tasks, writes, everyMs] = rest.map(Number);
  if (!process.send || !databasePath || [firstId, tasks, writes, everyMs].some((n) => !n))
    throw new Error('Fork with IPC: <database> <first task id> <tasks> <writes> <every ms>.');
  return { databasePath, firstId: firstId!, tasks: tasks!, writes: writes!, everyMs: everyMs! };
}

const { databasePath, firstId, tasks, writes, everyMs } = parseArguments();
const orchestrator = new Orchestrator({ databasePath, watchIntervalMs: false });
const sentAt: number[] = [];
// a short pause first, so the schedule does not include the database opening
const start = Date.now() + 100;
for (let i = 0; i < writes; i++) {
  const due = start + i * everyMs;
  if (due > Date.now()) await sleep(due - Date.now());
  sentAt.push(Date.now());
  await orchestrator.call(
    'update_task',
    { task_id: firstId + (i % tasks), title: `latency ${i}` },
    { actor: 'bench:latency' },
  );
}
orchestrator.dispose();
const report: LatencyWrites = { sentAt };
process.send!(report, () => process.disconnect());
