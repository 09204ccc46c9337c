// Claiming tasks: claim_next_task picks as get_next_task does and leases in one step; claim_task
// leases a named task; release_task gives one back. Every refusal names what to do and changes
// nothing.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { alice, claude, codex, eventsOf, openClaimsCore, type FakeClock } from './claim-helpers.ts';

describe('claims', () => {
  let core: TestCore;
  let clock: FakeClock;
  beforeEach(() => ({ core, clock } = openClaimsCore()));
  afterEach(() => core.dispose());

  test('claim_next_task leases the best ready task: in_progress, assigned, with a 15-minute lease', async () => {
    const [low] = await createTasks(core, 'Low one');
    const { task: high } = await core.call('create_task', { title: 'Urgent one', priority: 4 });
    const claimed = await core.callAs(claude, 'claim_next_task', {});
    assert.equal(claimed.task?.id, high.id);
    assert.equal(claimed.task?.status, 'in_progress');
    assert.equal(claimed.task?.assignee, 'claude');
    assert.equal(claimed.task?.lease_holder, 'claude');
    assert.notEqual(claimed.task?.started_at, null);
    assert.deepEqual(claimed.lease, {
      holder: 'claude',
      session: 'claude-s1',
      expires_at: '2026-03-02T14:15:00.000Z',
    });
    assert.ok(claimed.reasons.length > 0);
    assert.match(claimed.message, /Claimed #\d+ "Urgent one" for claude until 14:15 UTC/);
    const [event] = eventsOf(core, 'task.claimed');
    assert.equal(event?.actor, 'agent:claude#claude-s1');
    assert.equal(event?.after?.['holder'], 'claude');
    // the next claim takes the other one; then nothing is left
    assert.equal((await core.callAs(codex, 'claim_next_task', {})).task?.id, low);
    const none = await core.callAs(codex, 'claim_next_task', {});
    assert.equal(none.task, null);
    assert.equal(none.lease, null);
    assert.match(none.message, /^Nothing is ready/);
  });

  test('claim_next_task honours the selection criteria and lease_minutes', async () => {
    await core.call('create_task', { title: 'Python', code_language: 'python', priority: 3 });
    const { task: ts } = await core.call('create_task', {
      title: 'TypeScript',
      tags: ['frontend'],
      priority: 2,
    });
    const claimed = await core.callAs(claude, 'claim_next_task', {
      required_tags: ['frontend'],
      lease_minutes: 60,
    });
    assert.equal(claimed.task?.id, ts.id);
    assert.equal(claimed.lease?.expires_at, '2026-03-02T15:00:00.000Z');
  });

  test('the default lease length is a preference a person sets', async () => {
    const set = await core.call('set_lease_minutes', { minutes: 45 });
    assert.deepEqual([set.previous, set.minutes], [15, 45]);
    const [id] = await createTasks(core, 'One');
    const claimed = await core.callAs(claude, 'claim_task', { task_id: id! });
    assert.equal(claimed.lease?.expires_at, '2026-03-02T14:45:00.000Z');
    const wrong = await core.fails('set_lease_minutes', { minutes: 481 });
    assert.equal(wrong.code, 'VALIDATION');
    assert.match(wrong.message, /lease_minutes must be a whole number of minutes 1\.\.480|minutes/);
  });

  test('a paused or leased task is never chosen by claim_next_task', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    await core.call('pause_task', { task_id: a!, reason: 'waiting for the design' });
    const first = await core.callAs(claude, 'claim_next_task', {});
    assert.equal(first.task?.id, b);
    const second = await core.callAs(codex, 'claim_next_task', {});
    assert.equal(second.task, null);
  });

  test('claim_task by the holder renews its lease and changes nothing else', async () => {
    const [id] = await createTasks(core, 'Mine');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    clock.advance(10);
    const before = eventsOf(core, 'task.claimed').length;
    const again = await core.callAs(claude, 'claim_task', { task_id: id! });
    assert.equal(again.lease?.expires_at, '2026-03-02T14:25:00.000Z');
    assert.match(again.message, /already hold/);
    assert.equal(eventsOf(core, 'task.claimed').length, before);
  });

  test('claim_task refuses a task another agent holds (CONFLICT naming holder and expiry), and changes nothing', async () => {
    const [id] = await createTasks(core, 'Contested');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const before = snapshot(core);
    const refused = await core.failsAs(codex, 'claim_task', { task_id: id! });
    assert.equal(refused.code, 'CONFLICT');
    assert.match(
      refused.message,
      /already claimed by claude until 14:15 UTC\. Use claim_next_task to claim another task\.$/,
    );
    assert.equal(snapshot(core), before);
  });

  test('claim_task refuses a task that is not ready, naming the prerequisites', async () => {
    const [first] = await createTasks(core, 'Schema');
    const { task: second } = await core.call('create_task', {
      title: 'Queries',
      dependencies: [first!],
    });
    const before = snapshot(core);
    const refused = await core.failsAs(claude, 'claim_task', { task_id: second.id });
    assert.equal(refused.code, 'VALIDATION');
    assert.match(refused.message, /is not ready: it waits on #\d+ "Schema" \(pending\)/);
    assert.equal(snapshot(core), before);
    await core.call('update_task_status', { task_id: second.id, status: 'cancelled' });
    const cancelled = await core.failsAs(claude, 'claim_task', { task_id: second.id });
    assert.equal(cancelled.code, 'VALIDATION');
    assert.match(cancelled.message, /is cancelled; only a ready task/);
    const missing = await core.failsAs(claude, 'claim_task', { task_id: 999 });
    assert.equal(missing.code, 'NOT_FOUND');
  });

  test('claim_task refuses a paused task with FORBIDDEN saying who paused it and why', async () => {
    const [id] = await createTasks(core, 'Paused');
    await core.callAs(alice, 'pause_task', { task_id: id!, reason: 'the API is changing' });
    const before = snapshot(core);
    const refused = await core.failsAs(claude, 'claim_task', { task_id: id! });
    assert.equal(refused.code, 'FORBIDDEN');
    assert.match(refused.message, /is paused by alice: the API is changing; pick another task/);
    assert.equal(snapshot(core), before);
  });

  test('bad claim input is refused naming the field', async () => {
    for (const input of [
      { task_id: 'x' },
      { task_id: 1, lease_minutes: 0 },
      { task_id: 1, extra: 1 },
    ]) {
      const refused = await core.failsAs(claude, 'claim_task', input);
      assert.equal(refused.code, 'VALIDATION');
    }
    const tooLong = await core.failsAs(claude, 'claim_next_task', { lease_minutes: 481 });
    assert.match(tooLong.message, /lease_minutes/);
  });

  test('a person may claim: the holder is their name and the claim does not expire', async () => {
    const [id] = await createTasks(core, 'By hand');
    const claimed = await core.callAs(alice, 'claim_task', { task_id: id! });
    assert.deepEqual(claimed.lease, { holder: 'alice', session: null, expires_at: null });
    clock.advance(600);
    assert.equal(core.orchestrator.sweepLeases(), 0);
    const refused = await core.failsAs(claude, 'update_task', { task_id: id!, title: 'Mine now' });
    assert.equal(refused.code, 'FORBIDDEN');
    assert.match(refused.message, /leased by alice until they release it/);
  });

  test('release_task by the holder: back to pending, unassigned, progress kept, event task.released', async () => {
    const [id] = await createTasks(core, 'Give back');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    await core.callAs(claude, 'update_task', { task_id: id!, progress: 40 });
    const released = await core.callAs(claude, 'release_task', {
      task_id: id!,
      reason: 'needs a database I cannot reach',
    });
    assert.equal(released.task.status, 'pending');
    assert.equal(released.task.lease_holder, null);
    assert.equal(released.task.assignee, null);
    assert.equal(released.task.progress, 40);
    assert.equal(released.task.ready, true);
    const [event] = eventsOf(core, 'task.released');
    assert.equal(event?.after?.['reason'], 'needs a database I cannot reach');
    // and it can be claimed again at once
    assert.equal((await core.callAs(codex, 'claim_next_task', {})).task?.id, id);
  });

  test('release_task refuses another agent (FORBIDDEN) and an unclaimed task, changing nothing', async () => {
    const [id, free] = await createTasks(core, 'Held', 'Free');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const before = snapshot(core);
    const other = await core.failsAs(codex, 'release_task', { task_id: id! });
    assert.equal(other.code, 'FORBIDDEN');
    assert.match(other.message, /leased by claude until 14:15 UTC; only its holder or a person/);
    const unclaimed = await core.failsAs(claude, 'release_task', { task_id: free! });
    assert.equal(unclaimed.code, 'VALIDATION');
    assert.match(unclaimed.message, /is not claimed by anyone/);
    assert.equal(snapshot(core), before);
  });

  test('a person releasing an agent’s task tells the agent', async () => {
    const [id] = await createTasks(core, 'Taken back');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    await core.callAs(alice, 'release_task', { task_id: id! });
    const { notifications } = await core.call('list_notifications', { recipient: 'claude' });
    assert.equal(notifications.length, 1);
    assert.match(notifications[0]!.message, /alice released #\d+ "Taken back" from you/);
  });

  test('completing its task ends the holder’s lease; the task keeps its assignee', async () => {
    const [id] = await createTasks(core, 'Finish');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const done = await core.callAs(claude, 'update_task_status', {
      task_id: id!,
      status: 'completed',
    });
    assert.equal(done.task.status, 'completed');
    const { task } = await core.call('get_task', { task_id: id! });
    assert.equal(task.lease_holder, null);
    assert.equal(task.lease_expires_at, null);
    assert.equal(task.assignee, 'claude');
  });

  test('list_tasks shows the holder, also in the compact projection', async () => {
    const [id] = await createTasks(core, 'Shown');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const compact = await core.call('list_tasks', { fields: 'compact' });
    assert.equal((compact.tasks[0] as { lease_holder: string | null }).lease_holder, 'claude');
    const full = await core.call('get_task', { task_id: id! });
    assert.equal(full.task.lease_expires_at, '2026-03-02T14:15:00.000Z');
  });
});
