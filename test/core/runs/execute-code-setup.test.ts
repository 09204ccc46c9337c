// What happens around a run: packages installed before it (npm) or reported as a setup failure
// (pip with no index reachable), a run left `running` by a dead process marked interrupted when
// the database is next opened, and an agent refused on a task another agent holds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { Orchestrator } from '../../../src/core/orchestrator.ts';
import { agent, openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
before(() => (core = openTestCore()));
after(() => core.dispose());

describe('packages', () => {
  test('npm packages are installed into the run folder and the code uses them', async () => {
    const { execution } = await core.call('execute_code', {
      language: 'javascript',
      code: 'const isNumber = require("is-number"); console.log("is 5 a number: " + isNumber(5));',
      packages: ['is-number'],
      timeout: 60,
    });
    assert.equal(execution.setup?.ok, true, execution.setup?.output);
    assert.equal(execution.setup?.manager, 'npm');
    assert.equal(execution.status, 'succeeded', execution.head);
    assert.match(execution.head, /is 5 a number: true/);
  });

  test('a pip install that fails is a setup failure, and the code never runs', async () => {
    const { execution, message } = await core.call('execute_code', {
      language: 'python',
      code: 'print("must not run")',
      // a name no index has, so the test holds whether or not PyPI is reachable here
      packages: ['orchestron-no-such-package-xyz==0.0.1'],
      timeout: 10,
    });
    assert.equal(execution.status, 'setup_failed');
    assert.equal(execution.setup?.ok, false);
    assert.equal(execution.setup?.manager, 'pip');
    assert.ok(execution.setup!.output.length > 0);
    assert.equal(execution.sandbox, null);
    assert.equal(execution.head, '');
    assert.doesNotMatch(execution.head, /must not run/);
    assert.match(message, /packages could not be installed \(the code never ran\)/);
  });
});

describe('interrupted runs', () => {
  test('a run left running by a process that died is marked interrupted on the next open', async () => {
    const dead = spawnSync('true').pid!;
    const db = core.orchestrator.store.db;
    const id = Number(
      db
        .prepare(
          `INSERT INTO runs (project_id, language, code, limits, status, started_at, created_by, owner_pid)
           VALUES (1, 'bash', 'sleep 100', '{}', 'running', '2025-01-01T00:00:00.000Z', 'test', ?)`,
        )
        .run(dead).lastInsertRowid,
    );
    const mine = Number(
      db
        .prepare(
          `INSERT INTO runs (project_id, language, code, limits, status, started_at, created_by, owner_pid)
           VALUES (1, 'bash', 'sleep 100', '{}', 'running', '2025-01-01T00:00:00.000Z', 'test', ?)`,
        )
        .run(process.pid).lastInsertRowid,
    );
    const second = new Orchestrator({ databasePath: core.databasePath, watchIntervalMs: false });
    second.dispose();
    const status = (run: number) =>
      (db.prepare('SELECT status FROM runs WHERE id = ?').get(run) as { status: string }).status;
    assert.equal(status(id), 'interrupted');
    assert.equal(status(mine), 'running', 'a live process keeps its run');
    const event = db
      .prepare("SELECT after FROM events WHERE type = 'run.finished' ORDER BY id DESC LIMIT 1")
      .get() as { after: string };
    assert.equal(JSON.parse(event.after).status, 'interrupted');
    db.prepare('DELETE FROM runs WHERE id = ?').run(mine);
  });
});

describe('agents', () => {
  test('an agent may run code for its own task, not for one another agent holds', async () => {
    const { task } = await core.call('create_task', { title: 'Held' });
    await core.callAs(agent('claude'), 'claim_task', { task_id: task.id });
    const own = await core.callAs(agent('claude'), 'execute_code', {
      task_id: task.id,
      language: 'bash',
      code: 'echo mine',
    });
    assert.equal(own.execution.status, 'succeeded');
    assert.equal(own.execution.created_by, 'agent:claude#claude-s1');
    const unchanged = snapshot(core);
    const refused = await core.failsAs(agent('codex'), 'execute_code', {
      task_id: task.id,
      language: 'bash',
      code: 'echo theirs',
    });
    assert.equal(refused.code, 'FORBIDDEN');
    assert.match(refused.message, /leased by claude/);
    assert.equal(snapshot(core), unchanged);
  });
});
