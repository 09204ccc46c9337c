// A child process for claim-race.test.ts: loads, says "ready", waits for its standard input to
// close (the parent closes every child's at once), then claims as agent <name>:
//   next <calls>   claim_next_task <calls> times, completing each claimed task before the next
//   one <task id>  claim_task on that task once (or claim_next_task when the id is "any")
// and prints one JSON line: what it claimed and how each refused or empty call ended.
import { readFileSync } from 'node:fs';
import { Orchestrator } from '../../../src/core/orchestrator.ts';

const [databasePath, name, mode, argument] = process.argv.slice(2);
if (!databasePath || !name || !mode || !argument)
  throw new Error('usage: claim-race.worker.ts <db> <agent> next|one <calls|task id|any>');

const orchestrator = new Orchestrator({ databasePath, watchIntervalMs: false });
const caller = { caller: { kind: 'agent', name, session: `${name}-race` } } as const;
const claimed: number[] = [];
const outcomes: string[] = [];

process.stdout.write('ready\n');
readFileSync(0);

try {
  if (mode === 'next') {
    for (let call = 0; call < Number(argument); call++) {
      const { task } = await orchestrator.call('claim_next_task', {}, caller);
      if (!task) {
        outcomes.push('nothing');
        await new Promise((resolve) => setTimeout(resolve, 2));
        continue;
      }
      claimed.push(task.id);
      await orchestrator.call(
        'update_task_status',
        { task_id: task.id, status: 'completed' },
        caller,
      );
    }
  } else {
    try {
      const result =
        argument === 'any'
          ? await orchestrator.call('claim_next_task', {}, caller)
          : await orchestrator.call('claim_task', { task_id: Number(argument) }, caller);
      if (result.task) claimed.push(result.task.id);
      else outcomes.push('nothing');
    } catch (error) {
      outcomes.push(`${(error as { code?: string }).code}: ${(error as Error).message}`);
    }
  }
  process.stdout.write(JSON.stringify({ ok: true, claimed, outcomes }) + '\n');
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(error) }) + '\n');
  process.exitCode = 1;
} finally {
  orchestrator.dispose();
}
