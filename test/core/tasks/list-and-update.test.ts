import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

describe('list_tasks', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('pages through every task exactly once with the cursor', async () => {
    const ids = await createTasks(core, ...Array.from({ length: 23 }, (_, i) => `Task ${i}`));
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await core.call('list_tasks', { limit: 10, ...(cursor ? { cursor } : {}) });
      assert.equal(page.count, 23);
      seen.push(...page.tasks.map((t) => t.id));
      cursor = page.next_cursor ?? undefined;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ids);
  });

  test('compact returns only id, title, status, priority, dependencies and lease holder', async () => {
    const [a] = await createTasks(core, 'A');
    await core.call('create_task', { title: 'B', dependencies: [a!] });
    const { tasks } = await core.call('list_tasks', { fields: 'compact' });
    assert.deepEqual(tasks[1], {
      id: 2,
      title: 'B',
      status: 'pending',
      priority: 1,
      dependencies: [1],
      lease_holder: null,
    });
  });

  test('filters by status, language, tag, assignee, parent and readiness', async () => {
    const a = (
      await core.call('create_task', {
        title: 'A',
        code_language: 'Python',
        tags: ['ml'],
        assignee: 'ann',
      })
    ).task;
    const b = (await core.call('create_task', { title: 'B', parent_id: a.id })).task;
    const c = (await core.call('create_task', { title: 'C', tags: ['ml', 'ui'] })).task;
    await core.call('update_task_status', { task_id: c.id, status: 'in_progress' });
    await core.call('add_dependency', { task_id: c.id, depends_on: a.id });
    const ids = async (input: Parameters<TestCore['call']>[1]) =>
      (await core.call('list_tasks', input as never)).tasks.map((t) => t.id);
    assert.deepEqual(await ids({ status: 'in_progress' }), [c.id]);
    assert.deepEqual(await ids({ status: ['pending', 'in_progress'] }), [a.id, b.id, c.id]);
    assert.deepEqual(await ids({ code_language: 'python' }), [a.id]);
    assert.deepEqual(await ids({ tag: 'ml' }), [a.id, c.id]);
    assert.deepEqual(await ids({ assignee: 'ann' }), [a.id]);
    assert.deepEqual(await ids({ parent_id: a.id }), [b.id]);
    assert.deepEqual(await ids({ parent_id: null }), [a.id, c.id]);
    assert.deepEqual(await ids({ ready: true }), [a.id, b.id]);
    assert.deepEqual(await ids({ ready: false }), [c.id]);
  });

  test('refuses a forged cursor, a page over 500 and an unknown status', async () => {
    const forged = await core.fails('list_tasks', { cursor: 'not-a-cursor' });
    assert.equal(forged.code, 'VALIDATION');
    assert.match(forged.message, /Pass next_cursor from the previous page/);
    assert.equal((await core.fails('list_tasks', { limit: 501 })).code, 'VALIDATION');
    assert.equal((await core.fails('list_tasks', { status: 'finished' })).code, 'VALIDATION');
  });
});

describe('update_task', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('changes only the given fields, reports them and records before/after', async () => {
    const [id] = await createTasks(core, 'A');
    const result = await core.call('update_task', {
      task_id: id!,
      title: 'A+',
      tags: ['x'],
      progress: 40,
      assignee: 'zoe',
      description: '',
      expected_version: 1,
    });
    assert.deepEqual(result.changed, ['title', 'tags', 'assignee', 'progress']);
    assert.equal(result.task.version, 2);
    const { events } = await core.call('list_events', { task_id: id! });
    assert.deepEqual(events.at(-1)?.before, { title: 'A', tags: [], assignee: null, progress: 0 });
    assert.deepEqual(events.at(-1)?.after, {
      title: 'A+',
      tags: ['x'],
      assignee: 'zoe',
      progress: 40,
    });
    const cleared = await core.call('update_task', { task_id: id!, assignee: null });
    assert.equal(cleared.task.assignee, null);
  });

  test('a stale version is refused with CONFLICT and the current version, changing nothing', async () => {
    const [id] = await createTasks(core, 'A');
    await core.call('update_task', { task_id: id!, title: 'by someone else' });
    const before = snapshot(core);
    const error = await core.fails('update_task', {
      task_id: id,
      title: 'mine',
      expected_version: 1,
    });
    assert.equal(error.code, 'CONFLICT');
    assert.deepEqual(error.details, { task_id: id, expected_version: 1, current_version: 2 });
    assert.equal(snapshot(core), before);
  });

  test('the same values change nothing and keep the version', async () => {
    const [id] = await createTasks(core, 'A');
    const result = await core.call('update_task', { task_id: id!, title: 'A' });
    assert.deepEqual(result.changed, []);
    assert.equal(result.task.version, 1);
  });

  test('moves a task under another parent, refusing its own subtask', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    const moved = await core.call('update_task', { task_id: b!, parent_id: a! });
    assert.equal(moved.task.parent_id, a);
    const error = await core.fails('update_task', { task_id: a, parent_id: b });
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /one of its subtasks/);
    assert.equal(
      (await core.call('update_task', { task_id: b!, parent_id: null })).task.parent_id,
      null,
    );
  });

  test('refuses status changes through update_task and values out of range', async () => {
    const [id] = await createTasks(core, 'A');
    const status = await core.fails('update_task', { task_id: id, status: 'completed' });
    assert.match(status.message, /unknown field\(s\): status/);
    assert.equal(
      (await core.fails('update_task', { task_id: id, progress: 101 })).code,
      'VALIDATION',
    );
    assert.equal((await core.fails('update_task', { task_id: 404, title: 'x' })).code, 'NOT_FOUND');
  });
});
