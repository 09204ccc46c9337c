// The "other process" of the live-update tests and the latency bench's neighbour: opens the
// database file the server uses, makes the seeded mixed changes, and prints a JSON summary.
// Usage: node test/e2e/live-writer.ts <database> <project id> <other project id> <changes> <seed>
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { makeMixedChanges } from './mixed-changes.ts';

const [databasePath, projectId, otherProjectId, changes, seed] = process.argv.slice(2);
if (!databasePath || !projectId || !otherProjectId || !changes || !seed) {
  console.error(
    'Usage: live-writer.ts <database> <project id> <other project id> <changes> <seed>',
  );
  process.exit(2);
}

const orchestrator = new Orchestrator({ databasePath, watchIntervalMs: false });
try {
  const started = Date.now();
  const summary = await makeMixedChanges(orchestrator, {
    projectId: Number(projectId),
    otherProjectId: Number(otherProjectId),
    changes: Number(changes),
    seed: Number(seed),
    actor: 'other-process',
  });
  console.log(JSON.stringify({ ...summary, ms: Date.now() - started }));
} finally {
  orchestrator.dispose();
}
