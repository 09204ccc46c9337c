// A run whose Orchestron process died is marked interrupted by the next one to open the database,
// and what its sandbox left running is ended: only a process that still names the run's folder
// (a recycled pid belongs to someone else and is left alone).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { makeTempDir, openTestCore } from '../../helpers/temp-orchestrator.ts';

const children: ChildProcess[] = [];
after(() => children.forEach((child) => child.kill('SIGKILL')));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A process whose command line holds `word`, as a sandbox's names its run folder (two commands, so bash does not exec sleep and drop the word). */
function sleeper(word: string): ChildProcess {
  const child = spawn('bash', ['-c', 'sleep 60; exit 0', word], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );
}

test('the next process marks a dead owner’s runs interrupted and ends their leftovers', async () => {
  const core = openTestCore({ dir: makeTempDir() });
  const runsFolder = join(dirname(core.databasePath), 'runs');
  const ids: number[] = [];
  for (let i = 0; i < 2; i++) {
    const { execution } = await core.call('execute_code', { language: 'bash', code: 'true' });
    ids.push(execution.id);
  }
  core.dispose();
  // as a crash leaves them: running, owned by a process that is gone, each with a live "sandbox"
  const leftover = sleeper(join(runsFolder, String(ids[0])));
  const stranger = sleeper('/somewhere/else');
  const gone = spawn('true');
  await exited(gone);
  const db = new Database(core.databasePath);
  const crash = db.prepare(
    "UPDATE runs SET status = 'running', finished_at = NULL, owner_pid = ?, pid = ? WHERE id = ?",
  );
  crash.run(gone.pid, leftover.pid, ids[0]);
  crash.run(gone.pid, stranger.pid, ids[1]);
  db.close();

  const next = new Orchestrator({ databasePath: core.databasePath, watchIntervalMs: false });
  try {
    for (const id of ids) {
      const { execution } = await next.call('get_run', { run_id: id }, { actor: 'test' });
      assert.equal(execution.status, 'interrupted');
    }
    await exited(leftover);
    assert.equal(leftover.signalCode, 'SIGKILL');
    assert.ok(alive(stranger.pid!), 'a process that does not name the run folder is left alone');
  } finally {
    next.dispose();
  }
});
