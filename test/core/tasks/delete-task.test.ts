import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

describe('delete_task', () => {
  let core: TestCore;
  let a: number, b: number, c: number, d: number;
  beforeEach(async () => {
    core = openTestCore();
    [a, b, c, d] = (await createTasks(core, 'A', 'B', 'C', 'D')) as [
      number,
      number,
      number,
      number,
    ];
    // A <- B <- C, and D <- B: B depends on A and D; C depends on B
    await core.call('add_dependency', { task_id: b, depends_on: a });
    await core.call('add_dependency', { task_id: b, depends_on: d });
    await core.call('add_dependency', { task_id: c, depends_on: b });
  });
  afterEach(() => core.dispose());

  const ids = async () =>
    (await core.call('list_tasks', { fields: 'compact' })).tasks.map((t) => t.id);

  test('a task without dependents is deleted with its subtasks and their events', async () => {
    const child = (await core.call('create_task', { title: 'C.1', parent_id: c })).task;
    const result = await core.call('delete_task', { task_id: c });
    assert.deepEqual(
      result.deleted.map((t) => t.id),
      [c, child.id],
    );
    assert.deepEqual(await ids(), [a, b, d]);
    const { events } = await core.call('list_events', { task_id: c });
    assert.equal(events.at(-1)?.type, 'task.deleted');
    assert.equal((events.at(-1)!.before as { title: string }).title, 'C');
  });

  test('task and ready counts stay right when subtasks go with their parent', async () => {
    await core.call('create_task', { title: 'D.1', parent_id: d });
    await core.call('create_task', { title: 'D.2', parent_id: d });
    assert.equal((await core.call('get_ready_tasks', {})).count, 4);
    await core.call('delete_task', { task_id: d, on_dependents: 'relink' });
    const listed = await core.call('list_tasks', { limit: 500 });
    assert.equal(listed.count, 3);
    assert.equal((await core.call('list_tasks', { status: 'pending' })).count, 3);
    const ready = await core.call('get_ready_tasks', {});
    assert.deepEqual(
      ready.tasks.map((t) => t.id),
      [a],
    );
    assert.equal(ready.count, 1);
  });

  test('refuses by default when others depend on it, naming them, and changes nothing', async () => {
    const before = snapshot(core);
    const error = await core.fails('delete_task', { task_id: a });
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /dependents: #2 "B"\. Pass on_dependents: "cascade".*or "relink"/);
    assert.equal(snapshot(core), before);
  });

  test('cascade deletes every transitive dependent', async () => {
    const result = await core.call('delete_task', { task_id: a, on_dependents: 'cascade' });
    assert.deepEqual(result.deleted.map((t) => t.id).sort(), [a, b, c]);
    assert.deepEqual(await ids(), [d]);
  });

  test("relink gives dependents the deleted task's prerequisites", async () => {
    const result = await core.call('delete_task', { task_id: b, on_dependents: 'relink' });
    assert.deepEqual(result.relinked, [
      { task_id: c, depends_on: a },
      { task_id: c, depends_on: d },
    ]);
    const task = (await core.call('get_task', { task_id: c })).task;
    assert.deepEqual(task.dependencies, [a, d]);
    assert.equal(task.ready, false);
  });

  test('relinking a task whose only prerequisite is gone makes it ready', async () => {
    await core.call('delete_task', { task_id: c, on_dependents: 'refuse' });
    const [e] = await createTasks(core, 'E');
    await core.call('add_dependency', { task_id: e!, depends_on: d });
    await core.call('delete_task', { task_id: d, on_dependents: 'relink' });
    assert.equal((await core.call('get_task', { task_id: e! })).task.ready, true);
  });

  test('an unknown task is NOT_FOUND and a bad choice is VALIDATION', async () => {
    assert.equal((await core.fails('delete_task', { task_id: 99 })).code, 'NOT_FOUND');
    assert.equal(
      (await core.fails('delete_task', { task_id: a, on_dependents: 'orphan' })).code,
      'VALIDATION',
    );
  });
});
