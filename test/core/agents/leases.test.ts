// Leases: renewed by the holder's activity on the task, expired when the holder goes silent.
// An expiry puts the task back in the ready set, records why, tells the person and the agent,
// and the silent agent's next change is refused with a message saying its lease expired.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { alice, claude, codex, eventsOf, openClaimsCore, type FakeClock } from './claim-helpers.ts';

describe('leases', () => {
  let core: TestCore;
  let clock: FakeClock;
  beforeEach(() => ({ core, clock } = openClaimsCore()));
  afterEach(() => core.dispose());

  const leaseOf = async (id: number) => (await core.call('get_task', { task_id: id })).task;

  test('the holder’s activity on the task renews the lease; others’ activity does not', async () => {
    const [id] = await createTasks(core, 'Long work');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    clock.advance(10);
    await core.callAs(claude, 'get_task', { task_id: id! });
    assert.equal((await leaseOf(id!)).lease_expires_at, '2026-03-02T14:25:00.000Z');
    clock.advance(10);
    await core.callAs(claude, 'update_task', { task_id: id!, progress: 50 });
    assert.equal((await leaseOf(id!)).lease_expires_at, '2026-03-02T14:35:00.000Z');
    clock.advance(10);
    await core.callAs(codex, 'get_task', { task_id: id! });
    assert.equal((await leaseOf(id!)).lease_expires_at, '2026-03-02T14:35:00.000Z');
    // renewal is bookkeeping: no version bump, no event
    assert.equal((await leaseOf(id!)).version, 4);
  });

  test('a renewal within 30 seconds of the last is skipped (no write per call)', async () => {
    const [id] = await createTasks(core, 'Chatty');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const before = snapshot(core);
    await core.callAs(claude, 'get_task', { task_id: id! });
    assert.equal(snapshot(core), before);
  });

  test('an expired lease returns the task to the ready set, with an event and notifications to person and agent', async () => {
    const [id] = await createTasks(core, 'Abandoned');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    await core.callAs(claude, 'update_task', { task_id: id!, progress: 30 });
    clock.advance(16);
    assert.equal(core.orchestrator.sweepLeases(), 1);
    assert.equal(core.orchestrator.sweepLeases(), 0, 'a second sweep finds nothing');
    const task = await leaseOf(id!);
    assert.equal(task.status, 'pending');
    assert.equal(task.ready, true);
    assert.equal(task.lease_holder, null);
    assert.equal(task.assignee, null);
    assert.equal(task.progress, 30, 'progress is kept for whoever takes it next');
    const [event] = eventsOf(core, 'task.lease_expired');
    assert.equal(event?.actor, 'system:lease-expiry');
    assert.deepEqual(event?.before, {
      holder: 'claude',
      session: 'claude-s1',
      expires_at: '2026-03-02T14:15:00.000Z',
    });
    assert.equal(event?.after?.['expired_at'], '2026-03-02T14:15:00.000Z');
    assert.equal(event?.after?.['last_activity'], '2026-03-02T14:00:00.000Z');
    const person = await core.call('list_notifications', {});
    const silent = person.notifications.find((n) => n.kind === 'agent_silent');
    assert.equal(silent?.recipient, null);
    assert.equal(
      silent?.message,
      `agent claude went silent on #${id} "Abandoned" (lease expired 14:15 UTC)`,
    );
    const mine = await core.call('list_notifications', { recipient: 'claude' });
    assert.equal(mine.notifications[0]?.kind, 'lease_expired');
    assert.match(
      mine.notifications[0]!.message,
      /Your lease on #\d+ "Abandoned" expired at 14:15 UTC/,
    );
  });

  test('a claim expires due leases first, so a silent agent’s task is claimable at once', async () => {
    const [id] = await createTasks(core, 'Handed on');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    clock.advance(15);
    const taken = await core.callAs(codex, 'claim_task', { task_id: id! });
    assert.equal(taken.lease?.holder, 'codex');
    assert.equal(eventsOf(core, 'task.lease_expired').length, 1);
  });

  test('the silent agent’s next change is refused, saying its lease expired; re-claiming lets it continue', async () => {
    const [id] = await createTasks(core, 'Lapsed');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    clock.advance(20);
    core.orchestrator.sweepLeases();
    const before = snapshot(core);
    for (const [name, input] of [
      ['update_task_status', { task_id: id!, status: 'completed' }],
      ['update_task', { task_id: id!, progress: 90 }],
      ['release_task', { task_id: id! }],
    ] as const) {
      const refused = await core.failsAs(claude, name, input);
      assert.equal(refused.code, 'FORBIDDEN', name);
      assert.match(refused.message, /Your lease on #\d+ "Lapsed" expired at 14:15 UTC/, name);
    }
    assert.equal(snapshot(core), before);
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const done = await core.callAs(claude, 'update_task_status', {
      task_id: id!,
      status: 'completed',
    });
    assert.equal(done.task.status, 'completed');
  });

  test('waiting on the person (needs_input) does not expire a lease; coming back restarts it', async () => {
    const [id] = await createTasks(core, 'Question');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    await core.callAs(claude, 'update_task_status', { task_id: id!, status: 'needs_input' });
    clock.advance(60);
    assert.equal(core.orchestrator.sweepLeases(), 0);
    await core.call('update_task_status', { task_id: id!, status: 'in_progress' });
    const task = await leaseOf(id!);
    assert.equal(task.lease_holder, 'claude');
    assert.equal(task.lease_expires_at, '2026-03-02T15:15:00.000Z');
  });

  test('the lease sweeper timer expires leases on its own and is stopped by dispose', async () => {
    const [id] = await createTasks(core, 'Timed');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    clock.advance(16);
    core.orchestrator.startLeaseSweeper(10);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal((await leaseOf(id!)).status, 'pending');
  });
});

// Every status move keeps the lease in step (the graph rules do it), whoever makes the move:
// review's approve and reject too, which once left a stale or lapsed lease behind.
describe('leases through status moves', () => {
  let core: TestCore;
  let clock: FakeClock;
  beforeEach(() => ({ core, clock } = openClaimsCore()));
  afterEach(() => core.dispose());

  const taskOf = async (id: number) => (await core.call('get_task', { task_id: id })).task;

  /** A gated task claude claimed and submitted for review; returns its id. */
  async function inReview(title: string): Promise<number> {
    const { task } = await core.call('create_task', { title, requires_approval: true });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    await core.callAs(claude, 'update_task_status', { task_id: task.id, status: 'completed' });
    assert.equal((await taskOf(task.id)).status, 'review');
    return task.id;
  }

  test('a rejection after the lease would have lapsed in review gives the agent a fresh lease', async () => {
    const id = await inReview('Write API');
    clock.advance(60);
    assert.equal(core.orchestrator.sweepLeases(), 0, 'waiting in review is not going silent');
    const rejected = await core.callAs(alice, 'reject_task', { task_id: id, reason: 'No tests' });
    assert.equal(rejected.task.lease_holder, 'claude');
    assert.equal(rejected.task.lease_expires_at, '2026-03-02T15:15:00.000Z');
    assert.equal(core.orchestrator.sweepLeases(), 0, 'the fresh lease does not expire at once');
    const task = await taskOf(id);
    assert.equal(task.status, 'in_progress');
    assert.equal(task.lease_holder, 'claude');
    await core.callAs(claude, 'update_task', { task_id: id, progress: 80 });
  });

  test('an approval ends the lease; the agent hears of it once, in the approval', async () => {
    const id = await inReview('Write API');
    clock.advance(5);
    const approved = await core.callAs(alice, 'approve_task', { task_id: id });
    assert.equal(approved.task.status, 'completed');
    assert.equal(approved.task.lease_holder, null);
    assert.equal(approved.task.lease_expires_at, null);
    const [released] = eventsOf(core, 'task.released');
    assert.equal(released?.after?.['reason'], 'alice moved it to completed');
    const told = await core.call('list_notifications', { recipient: 'claude' });
    assert.deepEqual(
      told.notifications.map((n) => n.kind),
      ['approved'],
    );
  });

  test("a person moving an agent's task out of work ends the lease, in the response too, and tells the holder", async () => {
    const [id] = await createTasks(core, 'Redone by hand');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const moved = await core.callAs(alice, 'update_task_status', {
      task_id: id!,
      status: 'completed',
    });
    assert.equal(moved.task.lease_holder, null);
    const told = await core.call('list_notifications', { recipient: 'claude' });
    assert.equal(told.notifications[0]?.kind, 'lease_ended');
    assert.match(
      told.notifications[0]!.message,
      /alice moved #\d+ "Redone by hand" to completed; your lease on it ended/,
    );
  });

  test('the holder finishing its own task ends the lease without telling it', async () => {
    const [id] = await createTasks(core, 'Mine');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const done = await core.callAs(claude, 'update_task_status', {
      task_id: id!,
      status: 'completed',
    });
    assert.equal(done.task.lease_holder, null);
    assert.equal(eventsOf(core, 'task.released').length, 1);
    const told = await core.call('list_notifications', { recipient: 'claude' });
    assert.equal(told.notifications.length, 0);
  });
});
