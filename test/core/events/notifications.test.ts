import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('notifications', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = openTestCore();
    const a = (await core.call('create_task', { title: 'A' })).task;
    await core.call('create_task', { title: 'B', assignee: 'bob', dependencies: [a.id] });
    await core.call('create_task', { title: 'C', assignee: 'cy', dependencies: [a.id] });
    await core.call('update_task_status', { task_id: a.id, status: 'completed' });
  });
  afterEach(() => core.dispose());

  test('an assignee is told when their task becomes ready', async () => {
    const { notifications } = await core.call('list_notifications', { recipient: 'bob' });
    assert.equal(notifications.length, 1);
    assert.deepEqual(
      {
        task_id: notifications[0]!.task_id,
        kind: notifications[0]!.kind,
        read_at: notifications[0]!.read_at,
      },
      { task_id: 2, kind: 'task.ready', read_at: null },
    );
    assert.match(notifications[0]!.message, /Task #2 "B" is ready/);
    assert.equal((await core.call('list_notifications', {})).notifications.length, 2);
  });

  test('marked read, they leave the unread list but stay listed with unread_only: false', async () => {
    const [first] = (await core.call('list_notifications', { recipient: 'bob' })).notifications;
    const result = await core.call('mark_notifications_read', { ids: [first!.id] });
    assert.equal(result.marked, 1);
    assert.equal((await core.call('mark_notifications_read', { ids: [first!.id] })).marked, 0);
    assert.deepEqual(
      (await core.call('list_notifications', { recipient: 'bob' })).notifications,
      [],
    );
    const all = await core.call('list_notifications', { recipient: 'bob', unread_only: false });
    assert.ok(all.notifications[0]!.read_at);
    const { events } = await core.call('list_events', { after_id: 0, limit: 500 });
    assert.equal(events.filter((e) => e.type === 'notifications.read').length, 1);
  });

  test('pages with after_id', async () => {
    const first = await core.call('list_notifications', { limit: 1 });
    const second = await core.call('list_notifications', {
      limit: 1,
      after_id: first.next_after_id,
    });
    assert.deepEqual(
      [...first.notifications, ...second.notifications].map((n) => n.recipient),
      ['bob', 'cy'],
    );
  });

  test('unknown ids are NOT_FOUND and change nothing; an empty list is VALIDATION', async () => {
    const before = snapshot(core);
    const error = await core.fails('mark_notifications_read', { ids: [1, 99] });
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, /No notification with id 99/);
    assert.equal(snapshot(core), before);
    assert.equal((await core.fails('mark_notifications_read', { ids: [] })).code, 'VALIDATION');
  });
});
