import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

describe('rules the graph keeps', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  const status = (task_id: number, value: string) =>
    core.call('update_task_status', { task_id, status: value as 'pending' });

  test('reopening a completed prerequisite warns about dependents at work and records it on each', async () => {
    const [schema, api, docs] = await createTasks(core, 'Schema', 'API', 'Docs');
    await core.call('add_dependency', { task_id: api!, depends_on: schema! });
    await core.call('add_dependency', { task_id: docs!, depends_on: schema! });
    await status(schema!, 'in_progress');
    await core.call('update_task', { task_id: schema!, progress: 60 });
    await status(schema!, 'completed');
    await status(api!, 'in_progress');
    const reopened = await status(schema!, 'in_progress');
    assert.equal(reopened.task.progress, 0, 'progress resets when a task is reopened');
    assert.equal(reopened.warnings.length, 1);
    assert.match(
      reopened.warnings[0]!,
      /#1 was completed and is now in_progress, but #2 "API" \(in_progress\)/,
    );
    for (const id of [api!, docs!]) {
      const { events } = await core.call('list_events', { task_id: id });
      const last = events.at(-1)!;
      assert.equal(last.type, 'task.prerequisite_reopened');
      assert.deepEqual(last.after, {
        prerequisite: { id: schema, title: 'Schema', status: 'in_progress' },
        status: id === api ? 'in_progress' : 'pending',
        ready: false,
        waiting_on_failed: false,
      });
    }
    assert.equal((await core.call('get_task', { task_id: docs! })).task.ready, false);
  });

  test('a subtask cannot be added under, or moved under, a completed or cancelled parent', async () => {
    const [done, dropped, loose] = await createTasks(core, 'Done', 'Dropped', 'Loose');
    await status(done!, 'completed');
    await status(dropped!, 'cancelled');
    const before = snapshot(core);
    for (const parent of [done!, dropped!]) {
      const error = await core.fails('create_task', { title: 'late', parent_id: parent });
      assert.equal(error.code, 'FORBIDDEN');
      assert.match(
        error.message,
        /a subtask cannot be added under it\. Use update_task_status with task_id: \d+ and status: "pending" to reopen it first/,
      );
      const moved = await core.fails('update_task', { task_id: loose!, parent_id: parent });
      assert.equal(moved.code, 'FORBIDDEN');
    }
    assert.equal(snapshot(core), before);
  });

  test('tags compare without regard to case, keeping the first spelling', async () => {
    const { task } = await core.call('create_task', { title: 'Button', tags: ['UI', 'ui', 'Web'] });
    assert.deepEqual(task.tags, ['UI', 'Web']);
    await core.call('create_task', { title: 'Other', tags: ['backend'] });
    for (const tag of ['ui', 'UI', 'Ui']) {
      const listed = await core.call('list_tasks', { tag });
      assert.deepEqual(
        listed.tasks.map((t) => t.title),
        ['Button'],
      );
      assert.equal(listed.count, 1);
    }
  });

  test("Task Master's words are accepted for statuses: done, in-progress, todo, deferred", async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    assert.equal((await status(a!, 'in-progress')).task.status, 'in_progress');
    assert.equal((await status(a!, 'done')).task.status, 'completed');
    assert.equal((await status(b!, 'deferred')).task.status, 'blocked');
    assert.equal((await status(b!, 'todo')).task.status, 'pending');
    const listed = await core.call('list_tasks', { status: ['done', 'todo'] });
    assert.equal(listed.count, 2);
  });

  test('control characters and lone surrogates are refused where they make no sense, naming the field', async () => {
    const before = snapshot(core);
    const cases: [string, unknown][] = [
      ['create_task', { title: '\u0000leading NUL' }],
      ['create_task', { title: 'tab\tinside' }],
      ['create_task', { title: 'ok', description: 'has a NUL \u0000 here' }],
      ['create_task', { title: 'ok', file_refs: [{ path: '\u0000src/a.ts' }] }],
      ['create_task', { title: 'bad \ud800 surrogate' }],
      ['create_task', { title: 'ok', assignee: 'line\nbreak' }],
      ['create_project', { name: '\u0000' }],
      ['create_project', { name: 'bell\u0007' }],
    ];
    for (const [name, input] of cases) {
      const error = await core.fails(name as 'create_task', input);
      assert.equal(error.code, 'VALIDATION', `${name} ${JSON.stringify(input)}: ${error.message}`);
      assert.ok(error.message.length < 400, error.message);
    }
    const multiline = await core.call('create_task', {
      title: 'ok',
      description: 'line one\n\tline two',
    });
    assert.equal(multiline.task.description, 'line one\n\tline two');
    assert.notEqual(snapshot(core), before);
  });
});
