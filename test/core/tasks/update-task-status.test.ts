import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { TASK_STATUSES } from '../../../src/shared/tasks/task-fields.ts';
import { legalNextStatuses } from '../../../src/shared/tasks/status-machine.ts';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

describe('update_task_status', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  const setStatus = (task_id: number, status: (typeof TASK_STATUSES)[number]) =>
    core.call('update_task_status', { task_id, status });

  test('maintains started_at and completed_at through a life cycle', async () => {
    const [id] = await createTasks(core, 'Work');
    const started = (await setStatus(id!, 'in_progress')).task;
    assert.ok(started.started_at);
    assert.equal(started.completed_at, null);
    const done = (await setStatus(id!, 'completed')).task;
    assert.ok(done.completed_at);
    assert.equal(done.started_at, started.started_at);
    assert.equal(done.progress, 100);
    assert.equal(done.version, 3);
    const reopened = (await setStatus(id!, 'pending')).task;
    assert.equal(reopened.completed_at, null);
    assert.equal(reopened.started_at, null);
  });

  test('refuses an illegal transition naming the legal ones, and changes nothing', async () => {
    const [id] = await createTasks(core, 'Work');
    await setStatus(id!, 'cancelled');
    const before = snapshot(core);
    const error = await core.fails('update_task_status', { task_id: id, status: 'completed' });
    assert.equal(error.code, 'VALIDATION');
    assert.equal(error.message, `Task ${id} is cancelled; it can move to pending, not completed.`);
    assert.equal(snapshot(core), before);
  });

  test('every status has at least one legal next status', () => {
    for (const status of TASK_STATUSES) assert.ok(legalNextStatuses(status).length > 0, status);
  });

  test('refuses starting or completing before the prerequisites are completed', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    for (const status of ['in_progress', 'completed'] as const) {
      const error = await core.fails('update_task_status', { task_id: b, status });
      assert.equal(error.code, 'FORBIDDEN');
      assert.match(error.message, new RegExp(`depends on #${a} "A" \\(pending\\)`));
    }
  });

  test('refuses completing a task whose subtasks are open', async () => {
    const [parent] = await createTasks(core, 'Parent');
    const child = (await core.call('create_task', { title: 'Child', parent_id: parent! })).task;
    const error = await core.fails('update_task_status', { task_id: parent, status: 'completed' });
    assert.equal(error.code, 'FORBIDDEN');
    assert.match(error.message, /subtasks still open/);
    await setStatus(child.id, 'cancelled');
    assert.equal((await setStatus(parent!, 'completed')).task.status, 'completed');
  });

  test('completing a task makes exactly the dependents whose prerequisites are all done ready', async () => {
    const [a, b, c, d] = await createTasks(core, 'A', 'B', 'C', 'D');
    await core.call('add_dependency', { task_id: c!, depends_on: a! });
    await core.call('add_dependency', { task_id: d!, depends_on: a! });
    await core.call('add_dependency', { task_id: d!, depends_on: b! });
    const seen: string[] = [];
    const unsubscribe = core.orchestrator.subscribe((event) =>
      seen.push(`${event.type}:${event.task_id}`),
    );
    const result = await setStatus(a!, 'completed');
    unsubscribe();
    assert.deepEqual(
      result.became_ready.map((t) => t.id),
      [c],
    );
    assert.deepEqual(seen, [`task.status_changed:${a}`, `task.ready:${c}`]);
    assert.match(result.message, /1 dependent task\(s\) became ready/);
    const ready = await core.call('get_ready_tasks', {});
    assert.deepEqual(ready.tasks.map((t) => t.id).sort(), [b, c].sort());
  });

  test('failing a task marks its dependents, transitively, as waiting on a failure until retried', async () => {
    const [a, b, c] = await createTasks(core, 'A', 'B', 'C');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    await core.call('add_dependency', { task_id: c!, depends_on: b! });
    await setStatus(a!, 'in_progress');
    const failed = await setStatus(a!, 'failed');
    assert.deepEqual(
      failed.now_waiting_on_failed.map((t) => t.id),
      [b, c],
    );
    assert.equal((await core.call('get_task', { task_id: c! })).task.waiting_on_failed, true);
    const blockers = await core.call('get_task', { task_id: b! });
    assert.deepEqual(
      blockers.failed_prerequisites.map((t) => t.id),
      [a],
    );
    const listed = await core.call('list_tasks', { include_metrics: true });
    assert.deepEqual(
      listed.tasks.filter((t) => 'waiting_on_failed' in t && t.waiting_on_failed).map((t) => t.id),
      [b, c],
    );
    assert.equal(listed.metrics?.waiting_on_failed, 2);
    await setStatus(a!, 'pending');
    assert.equal((await core.call('get_task', { task_id: c! })).task.waiting_on_failed, false);
    const { events } = await core.call('list_events', { task_id: c! });
    assert.deepEqual(events.map((e) => e.type).slice(-2), [
      'task.waiting_on_failed',
      'task.failure_cleared',
    ]);
  });

  test('cancelling counts as a failed prerequisite too', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('add_dependency', { task_id: b!, depends_on: a! });
    assert.deepEqual(
      (await setStatus(a!, 'cancelled')).now_waiting_on_failed.map((t) => t.id),
      [b],
    );
  });

  test('a stale expected_version is refused with CONFLICT and the current version', async () => {
    const [id] = await createTasks(core, 'A');
    await core.call('update_task', { task_id: id!, title: 'A2' });
    const error = await core.fails('update_task_status', {
      task_id: id,
      status: 'in_progress',
      expected_version: 1,
    });
    assert.equal(error.code, 'CONFLICT');
    assert.equal(error.details?.['current_version'], 2);
  });

  test('setting the current status again changes nothing', async () => {
    const [id] = await createTasks(core, 'A');
    const result = await setStatus(id!, 'pending');
    assert.match(result.message, /already pending/);
    assert.equal(result.task.version, 1);
  });

  test('an unknown task or status is refused', async () => {
    assert.equal(
      (await core.fails('update_task_status', { task_id: 9, status: 'pending' })).code,
      'NOT_FOUND',
    );
    const error = await core.fails('update_task_status', { task_id: 1, status: 'finished' });
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /status must be one of pending, in_progress/);
  });
});
