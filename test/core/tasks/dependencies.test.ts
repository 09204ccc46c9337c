import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

describe('add_dependency and remove_dependency', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('adds an edge, bumps the version and makes the task wait', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    const { task, message } = await core.call('add_dependency', { task_id: b!, depends_on: a! });
    assert.deepEqual(task.dependencies, [a]);
    assert.equal(task.version, 2);
    assert.equal(task.ready, false);
    assert.match(message, /now depends on/);
    const again = await core.call('add_dependency', { task_id: b!, depends_on: a! });
    assert.match(again.message, /already depends/);
    assert.equal(again.task.version, 2);
  });

  test('refuses a cycle with CYCLE and the whole path, changing nothing', async () => {
    const [a, b, c] = await createTasks(core, 'Design', 'Build', 'Ship');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    await core.call('add_dependency', { task_id: c!, depends_on: b! });
    const before = snapshot(core);
    const error = await core.fails('add_dependency', { task_id: a, depends_on: c });
    assert.equal(error.code, 'CYCLE');
    assert.deepEqual(error.details?.['cycle'], [
      { id: a, title: 'Design' },
      { id: c, title: 'Ship' },
      { id: b, title: 'Build' },
      { id: a, title: 'Design' },
    ]);
    assert.match(
      error.message,
      /#1 "Design" depends on #3 "Ship", #3 "Ship" depends on #2 "Build", #2 "Build" depends on #1 "Design"/,
    );
    assert.equal(snapshot(core), before);
    // the refused edge must not linger in the in-memory order either
    await core.call('remove_dependency', { task_id: c!, depends_on: b! });
    await core.call('add_dependency', { task_id: a!, depends_on: c! });
  });

  test('refuses a subtask depending on its own parent, which could never finish', async () => {
    const [parent] = await createTasks(core, 'Parent');
    const child = (await core.call('create_task', { title: 'Child', parent_id: parent! })).task;
    const error = await core.fails('add_dependency', { task_id: child.id, depends_on: parent });
    assert.equal(error.code, 'CYCLE');
    assert.match(error.message, /#1 "Parent" contains subtask #2 "Child"/);
  });

  test('refuses creating a subtask that waits on a task waiting on its parent', async () => {
    const [parent, after] = await createTasks(core, 'Parent', 'After parent');
    await core.call('add_dependency', { task_id: after!, depends_on: parent! });
    const error = await core.fails('create_task', {
      title: 'Child',
      parent_id: parent,
      dependencies: [after],
    });
    assert.equal(error.code, 'CYCLE');
    assert.equal((await core.call('list_tasks', {})).count, 2);
  });

  test('refuses self, missing and cross-project dependencies', async () => {
    const [a] = await createTasks(core, 'A');
    const self = await core.fails('add_dependency', { task_id: a, depends_on: a });
    assert.equal(self.code, 'VALIDATION');
    assert.match(self.message, /cannot depend on itself/);
    assert.equal(
      (await core.fails('add_dependency', { task_id: a, depends_on: 77 })).code,
      'NOT_FOUND',
    );
    assert.equal(
      (await core.fails('add_dependency', { task_id: 77, depends_on: a })).code,
      'NOT_FOUND',
    );
    await core.call('create_project', { name: 'other' });
    const other = (await core.call('create_task', { title: 'X', project_id: 'other' })).task;
    assert.equal(
      (await core.fails('add_dependency', { task_id: a, depends_on: other.id })).code,
      'VALIDATION',
    );
    assert.equal(
      (await core.fails('add_dependency', { task_id: 'a', depends_on: 1 })).code,
      'VALIDATION',
    );
  });

  test('removing the last open prerequisite makes the task ready', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    const { task } = await core.call('remove_dependency', { task_id: b!, depends_on: a! });
    assert.deepEqual(task.dependencies, []);
    assert.equal(task.ready, true);
    const { events } = await core.call('list_events', { task_id: b! });
    assert.deepEqual(
      events.map((e) => e.type),
      ['task.created', 'dependency.added', 'dependency.removed', 'task.ready'],
    );
  });

  test('removing a dependency that does not exist is NOT_FOUND listing the real ones', async () => {
    const [a, b, c] = await createTasks(core, 'A', 'B', 'C');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    const error = await core.fails('remove_dependency', { task_id: b, depends_on: c });
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, /its dependencies are 1/);
  });

  test('another process adding edges is seen by the cycle check', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! }); // warms the cache
    const other = (await import('../../helpers/temp-orchestrator.ts')).openTestCore({
      dir: core.dir,
    });
    try {
      const [c] = await createTasks(other, 'C');
      await other.call('add_dependency', { task_id: c!, depends_on: b! });
    } finally {
      other.dispose();
    }
    // a write that does not touch the graph must not make the stale cache look current
    await core.call('update_task_status', { task_id: a!, status: 'in_progress' });
    const error = await core.fails('add_dependency', { task_id: a, depends_on: 3 });
    assert.equal(error.code, 'CYCLE');
    assert.match(error.message, /#3 "C" depends on #2 "B"/);
  });

  test('a refused cycle keeps the cached order, and a rolled-back change leaves no trace', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    assert.equal((await core.fails('add_dependency', { task_id: a, depends_on: b })).code, 'CYCLE');
    assert.equal((await core.fails('add_dependency', { task_id: a, depends_on: b })).code, 'CYCLE');
    const [c] = await createTasks(core, 'C');
    await core.call('add_dependency', { task_id: c!, depends_on: b! });
    assert.deepEqual(
      (await core.fails('add_dependency', { task_id: a, depends_on: c })).details?.['cycle'],
      [
        { id: a, title: 'A' },
        { id: c, title: 'C' },
        { id: b, title: 'B' },
        { id: a, title: 'A' },
      ],
    );
  });
});
