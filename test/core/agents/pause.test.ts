// Pausing: a person pauses a task with a reason; agents cannot claim or change it and are told
// who paused it and why; a holder loses its lease and is told; resuming makes it claimable.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { alice, claude, eventsOf, openClaimsCore } from './claim-helpers.ts';

describe('pause and resume', () => {
  let core: TestCore;
  beforeEach(() => ({ core } = openClaimsCore()));
  afterEach(() => core.dispose());

  test('pausing a claimed task takes it from the agent, who is told why; agents then leave it alone', async () => {
    const [id] = await createTasks(core, 'Risky');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const paused = await core.callAs(alice, 'pause_task', {
      task_id: id!,
      reason: 'the schema is being redesigned',
    });
    assert.equal(paused.task.paused_by, 'alice');
    assert.equal(paused.task.paused_reason, 'the schema is being redesigned');
    assert.equal(paused.task.lease_holder, null);
    assert.equal(paused.task.status, 'pending');
    assert.match(paused.message, /claude no longer holds it/);
    const told = await core.call('list_notifications', { recipient: 'claude' });
    assert.match(
      told.notifications[0]!.message,
      /alice paused #\d+ "Risky": the schema is being redesigned/,
    );
    const before = snapshot(core);
    for (const [name, input] of [
      ['update_task_status', { task_id: id!, status: 'in_progress' }],
      ['update_task', { task_id: id!, progress: 5 }],
      ['claim_task', { task_id: id! }],
    ] as const) {
      const refused = await core.failsAs(claude, name, input);
      assert.equal(refused.code, 'FORBIDDEN', name);
      assert.match(
        refused.message,
        /is paused by alice: the schema is being redesigned; pick another task/,
      );
    }
    assert.equal((await core.callAs(claude, 'claim_next_task', {})).task, null);
    assert.equal(snapshot(core), before);
    const [event] = eventsOf(core, 'task.paused');
    assert.equal(event?.after?.['released'], 'claude');
  });

  test('resuming makes it claimable again', async () => {
    const [id] = await createTasks(core, 'Later');
    await core.callAs(alice, 'pause_task', { task_id: id!, reason: 'not yet' });
    const resumed = await core.callAs(alice, 'resume_task', { task_id: id! });
    assert.equal(resumed.task.paused_at, null);
    assert.equal((await core.callAs(claude, 'claim_next_task', {})).task?.id, id);
    assert.equal(eventsOf(core, 'task.resumed').length, 1);
  });

  test('agents cannot pause or resume; a finished task cannot be paused; repeats change nothing', async () => {
    const [id, done] = await createTasks(core, 'Open', 'Done');
    await core.call('update_task_status', { task_id: done!, status: 'completed' });
    let before = snapshot(core);
    const byAgent = await core.failsAs(claude, 'pause_task', { task_id: id!, reason: 'mine' });
    assert.equal(byAgent.code, 'FORBIDDEN');
    assert.match(byAgent.message, /Only a person can pause a task/);
    const finished = await core.failsAs(alice, 'pause_task', { task_id: done!, reason: 'x' });
    assert.equal(finished.code, 'VALIDATION');
    const empty = await core.failsAs(alice, 'pause_task', { task_id: id!, reason: '  ' });
    assert.equal(empty.code, 'VALIDATION');
    assert.equal(snapshot(core), before);
    await core.callAs(alice, 'pause_task', { task_id: id!, reason: 'first' });
    before = snapshot(core);
    const again = await core.callAs(alice, 'pause_task', { task_id: id!, reason: 'second' });
    assert.match(again.message, /already paused by alice: first; nothing changed/);
    const byAgentResume = await core.failsAs(claude, 'resume_task', { task_id: id! });
    assert.equal(byAgentResume.code, 'FORBIDDEN');
    assert.equal(snapshot(core), before);
  });
});
