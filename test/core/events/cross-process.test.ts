// Two real processes on one database file: no lost update, no SQLITE_BUSY reaching the caller,
// and each process seeing the other's changes through the event log.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { OrchestronEvent } from '../../../src/shared/operations/events.ops.ts';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

const worker = fileURLToPath(new URL('../../helpers/core-worker.ts', import.meta.url));

function runWorker(
  ...args: string[]
): Promise<{ code: number | null; result: { ok: boolean; conflicts?: number; error?: string } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, result: JSON.parse(out.trim().split('\n').at(-1) ?? '{}') }),
    );
  });
}

describe('two processes on one database', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('concurrent read-modify-write with versions loses no update and never surfaces SQLITE_BUSY', async () => {
    const { task } = await core.call('create_task', { title: 'Counter' });
    const runs = await Promise.all([
      runWorker(core.databasePath, 'increment', '50', String(task.id)),
      runWorker(core.databasePath, 'increment', '50', String(task.id)),
      runWorker(core.databasePath, 'create', '150', 'left'),
      runWorker(core.databasePath, 'create', '150', 'right'),
    ]);
    for (const run of runs)
      assert.deepEqual([run.code, run.result.ok, run.result.error], [0, true, undefined]);
    const after = await core.call('get_task', { task_id: task.id });
    assert.equal(after.task.progress, 100, 'every increment of both processes landed');
    assert.equal(after.task.version, 101);
    const listed = await core.call('list_tasks', { fields: 'compact', limit: 500 });
    assert.equal(listed.count, 301);
    assert.equal(new Set(listed.tasks.map((t) => t.title)).size, 301);
  });

  test("a process is told of another process's changes through the event log", async () => {
    const watcher = new Orchestrator({ databasePath: core.databasePath, watchIntervalMs: 20 });
    try {
      const seen: OrchestronEvent[] = [];
      const arrived = new Promise<void>((resolve) => {
        watcher.subscribe((event) => {
          seen.push(event);
          if (seen.length === 3) resolve();
        });
      });
      const run = await runWorker(core.databasePath, 'create', '3', 'remote');
      assert.equal(run.code, 0);
      await arrived;
      assert.deepEqual(
        seen.map((e) => e.type),
        ['task.created', 'task.created', 'task.created'],
      );
      assert.deepEqual(
        seen.map((e) => (e.after as { title: string }).title),
        ['remote 0', 'remote 1', 'remote 2'],
      );
      assert.match(seen[0]!.actor, /^worker:\d+$/);
    } finally {
      watcher.dispose();
    }
  });
});
