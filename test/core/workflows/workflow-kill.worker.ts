// A process that runs a project's workflow to its end, for the kill -9 test:
//   node workflow-kill.worker.ts <db> <project id>
// prints "ready" once its orchestrator is open (runs a dead process left running are marked
// interrupted by then), then runs the workflow, waiting, which creates the run or takes over
// the unfinished one, and prints {"status", "run_id"} (or {"error"}) as its last line.
import { Orchestrator } from '../../../src/core/orchestrator.ts';

const [databasePath, projectId] = process.argv.slice(2);
const orchestrator = new Orchestrator({ databasePath: databasePath!, watchIntervalMs: false });
const print = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

try {
  print('ready');
  const result = await orchestrator.call(
    'run_workflow',
    { project_id: Number(projectId), concurrency: 3, retries: 1, backoff_ms: 20, wait: true },
    { actor: `worker:${process.pid}` },
  );
  print({ status: result.run.status, run_id: result.run.id, resumed: result.resumed });
} catch (error) {
  print({
    error: String((error as Error).message ?? error),
    code: (error as { code?: string }).code,
  });
  process.exitCode = 1;
} finally {
  orchestrator.dispose();
}
