// A second process writing to the same database, for cross-process tests:
//   node core-worker.ts <db> create <count> <prefix>
//   node core-worker.ts <db> increment <count> <task id>   (read, then update with expected_version; retry on CONFLICT)
// Exits 1 printing the error if any call fails for another reason (e.g. SQLITE_BUSY).
import { Orchestrator } from '../../src/core/orchestrator.ts';

const [databasePath, action, countText, argument] = process.argv.slice(2);
const orchestrator = new Orchestrator({ databasePath: databasePath!, watchIntervalMs: false });
const context = { actor: `worker:${process.pid}` };
const count = Number(countText);
let conflicts = 0;

try {
  for (let i = 0; i < count; i++) {
    if (action === 'create') {
      await orchestrator.call('create_task', { title: `${argument} ${i}` }, context);
      continue;
    }
    for (;;) {
      const { task } = await orchestrator.call('get_task', { task_id: Number(argument) }, context);
      try {
        await orchestrator.call(
          'update_task',
          { task_id: task.id, progress: task.progress + 1, expected_version: task.version },
          context,
        );
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'CONFLICT') throw error;
        conflicts++;
      }
    }
  }
  process.stdout.write(JSON.stringify({ ok: true, conflicts }) + '\n');
} catch (error) {
  process.stdout.write(
    JSON.stringify({
      ok: false,
      error: String((error as Error).message ?? error),
      code: (error as { code?: string }).code,
    }) + '\n',
  );
  process.exitCode = 1;
} finally {
  orchestrator.dispose();
}
