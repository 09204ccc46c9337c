// Leases: renewed by the holder's activity on the task, expired when the holder goes silent.
// An expiry puts the task back in the ready set, records why, tells the person and the agent,
// and the silent agent's next change is refused with a message saying its lease expired.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { claude, codex, eventsOf, openClaimsCore, type FakeClock } from './claim-helpers.ts';

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
