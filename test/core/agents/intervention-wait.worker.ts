// An agent in its own process, for the cross-process test:
//   node intervention-wait.worker.ts <db> <task id> <timeout_s>
// asks a question about the task, prints {"ticket"} as one line, then waits for the answer and
// prints {"result", "received_at"} (epoch ms, when the answer reached it) as another.
import { Orchestrator } from '../../../src/core/orchestrator.ts';

const [databasePath, taskId, timeout] = process.argv.slice(2);
// no watcher: the wait must hear of the answer by itself
const orchestrator = new Orchestrator({ databasePath: databasePath!, watchIntervalMs: false });
const caller = { kind: 'agent' as const, name: 'claude', session: `worker-${process.pid}` };
const print = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

try {
  const asked = await orchestrator.call(
    'request_intervention',
    { task_id: Number(taskId), question: 'SQLite or Postgres?', options: ['SQLite', 'Postgres'] },
    { caller },
  );
  print({ ticket: asked.ticket });
  const result = await orchestrator.call(
    'wait_for_intervention',
    { ticket: asked.ticket, timeout_s: Number(timeout) },
    { caller },
  );
  print({ result, received_at: Date.now() });
} catch (error) {
  print({
    error: String((error as Error).message ?? error),
    code: (error as { code?: string }).code,
  });
  process.exitCode = 1;
} finally {
  orchestrator.dispose();
}
