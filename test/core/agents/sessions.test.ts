// Sessions: started under an agent's name, recorded as the agent's events, seen on its calls,
// and ended, which gives back the tasks the session still holds.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { claude, codex, eventsOf, openClaimsCore, type FakeClock } from './claim-helpers.ts';

describe('sessions', () => {
  let core: TestCore;
  let clock: FakeClock;
  beforeEach(() => ({ core, clock } = openClaimsCore()));
  afterEach(() => core.dispose());

  const sessionRow = (id: string) =>
    core.orchestrator.store.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as {
      last_seen_at: string;
      ended_at: string | null;
    };

  test('start_session records a session attributed to the agent', async () => {
    const started = await core.call('start_session', { agent_name: 'claude', transport: 'socket' });
    assert.match(started.session_id, /^[\w-]{8}$/);
    assert.equal(started.agent, 'claude');
    assert.equal(started.resumed, null);
    const [event] = eventsOf(core, 'session.started');
    assert.equal(event?.actor, `agent:claude#${started.session_id}`);
    assert.equal(event?.after?.['transport'], 'socket');
  });

  test('a new session of an agent that still holds a task says so', async () => {
    const [id] = await createTasks(core, 'Unfinished');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const started = await core.call('start_session', { agent_name: 'claude' });
    assert.equal(started.resumed?.task.id, id);
    assert.equal(started.resumed?.lease.holder, 'claude');
    assert.match(started.message, /You still hold #\d+ "Unfinished"/);
  });

  test('calls mark the session seen, at most every 30 seconds', async () => {
    const { session_id } = await core.call('start_session', { agent_name: 'claude' });
    const me = { kind: 'agent', name: 'claude', session: session_id } as const;
    clock.advance(1);
    await core.callAs(me, 'list_tasks', {});
    assert.equal(sessionRow(session_id).last_seen_at, '2026-03-02T14:01:00.000Z');
    clock.advance(0.25);
    await core.callAs(me, 'list_tasks', {});
    assert.equal(sessionRow(session_id).last_seen_at, '2026-03-02T14:01:00.000Z');
  });

  test('end_session releases what the session holds back to the ready set', async () => {
    const [a, b] = await createTasks(core, 'A', 'B');
    const { session_id } = await core.call('start_session', { agent_name: 'claude' });
    const me = { kind: 'agent', name: 'claude', session: session_id } as const;
    await core.callAs(me, 'claim_task', { task_id: a! });
    await core.callAs(claude, 'claim_task', { task_id: b! }); // another session of claude
    const ended = await core.callAs(me, 'end_session', {});
    assert.deepEqual(
      ended.released.map((ref) => [ref.id, ref.status]),
      [[a, 'pending']],
    );
    assert.notEqual(sessionRow(session_id).ended_at, null);
    assert.equal((await core.call('get_task', { task_id: b! })).task.lease_holder, 'claude');
    const [event] = eventsOf(core, 'session.ended');
    assert.deepEqual(event?.after?.['released'], [a]);
    const again = await core.callAs(me, 'end_session', {});
    assert.match(again.message, /already ended/);
  });

  test('end_session refuses another agent’s session, an unknown one, and a call without one', async () => {
    const { session_id } = await core.call('start_session', { agent_name: 'claude' });
    const before = snapshot(core);
    const other = await core.failsAs(codex, 'end_session', { session_id });
    assert.equal(other.code, 'FORBIDDEN');
    const unknown = await core.fails('end_session', { session_id: 'nope' });
    assert.equal(unknown.code, 'NOT_FOUND');
    const none = await core.fails('end_session', {});
    assert.equal(none.code, 'VALIDATION');
    const bad = await core.fails('start_session', { agent_name: '' });
    assert.equal(bad.code, 'VALIDATION');
    assert.equal(snapshot(core), before);
  });
});
