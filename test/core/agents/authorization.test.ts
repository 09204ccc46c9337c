// Authorization: an agent cannot complete, release or change a task another agent leased while
// the lease is live (FORBIDDEN naming the holder and expiry), nor delete a task it did not
// create. A person may always act; moving a leased task out of work ends the lease and tells
// the holder.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  artifactHandlers,
  handoffHandlers,
  progressHandlers,
} from '../../../src/core/agents/handoff.handlers.ts';
import { makeContext, type Clock } from '../../../src/core/call-context.ts';
import { Emit } from '../../../src/core/events/emit.ts';
import { EventWriter } from '../../../src/core/events/event-writer.ts';
import type { FeatureServices } from '../../../src/core/handlers.ts';
import { ProjectService } from '../../../src/core/projects/project.service.ts';
import { GraphRules } from '../../../src/core/tasks/graph-rules.ts';
import { BackgroundWork } from '../../../src/core/workflows/background-work.ts';
import { AppError } from '../../../src/shared/errors.ts';
import type { OperationName } from '../../../src/shared/operations/registry.ts';
import { parseInput } from '../../../src/shared/operations/validation.ts';
import { createTasks, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { alice, claude, codex, openClaimsCore, type FakeClock } from './claim-helpers.ts';

/** The services the orchestrator builds, on the same store: handlers called without the pipeline. */
function servicesOf(core: TestCore, clock: Clock): FeatureServices {
  const { store } = core.orchestrator;
  const emit = new Emit(new EventWriter(store, clock));
  const base = { store, emit, clock, rules: new GraphRules(store, emit, clock) };
  return {
    ...base,
    projects: new ProjectService(base),
    runs: core.orchestrator.runs,
    background: new BackgroundWork(),
    connectTarget: () => null,
  };
}

describe('authorization of agents', () => {
  let core: TestCore;
  let clock: FakeClock;
  beforeEach(() => ({ core, clock } = openClaimsCore()));
  afterEach(() => core.dispose());

  test('another agent cannot complete, change, delete or release a leased task', async () => {
    const { task } = await core.callAs(codex, 'create_task', { title: 'Held by claude' });
    await core.callAs(claude, 'claim_task', { task_id: task.id });
    const before = snapshot(core);
    const leased = new RegExp(
      `#${task.id} "Held by claude" is leased by claude until 14:15 UTC; claim another task, or wait until the lease expires`,
    );
    for (const [name, input] of [
      ['update_task_status', { task_id: task.id, status: 'completed' }],
      ['update_task', { task_id: task.id, title: 'Hijacked' }],
      ['delete_task', { task_id: task.id }],
      ['add_dependency', { task_id: task.id, depends_on: task.id }],
    ] as const) {
      const refused = await core.failsAs(codex, name, input);
      assert.equal(refused.code, 'FORBIDDEN', name);
      assert.match(refused.message, leased, name);
      assert.equal(refused.details?.['lease_holder'], 'claude');
    }
    assert.equal(snapshot(core), before);
  });

  test('an agent cannot delete a task it did not create; it may delete its own', async () => {
    const [byPerson] = await createTasks(core, 'Made by a person');
    const { task: byCodex } = await core.callAs(codex, 'create_task', { title: 'Made by codex' });
    const before = snapshot(core);
    const refused = await core.failsAs(claude, 'delete_task', { task_id: byPerson! });
    assert.equal(refused.code, 'FORBIDDEN');
    assert.match(refused.message, /was created by test; an agent may delete only tasks it created/);
    const notMine = await core.failsAs(claude, 'delete_task', { task_id: byCodex.id });
    assert.match(notMine.message, /created by agent:codex#codex-s1/);
    assert.equal(snapshot(core), before);
    const deleted = await core.callAs(codex, 'delete_task', { task_id: byCodex.id });
    assert.equal(deleted.deleted.length, 1);
  });

  test('a cascade deletion by an agent is refused when it would take tasks others created', async () => {
    const { task: mine } = await core.callAs(claude, 'create_task', { title: 'Mine' });
    await core.call('create_task', { title: 'Theirs', dependencies: [mine.id] });
    const refused = await core.failsAs(claude, 'delete_task', {
      task_id: mine.id,
      on_dependents: 'cascade',
    });
    assert.equal(refused.code, 'FORBIDDEN');
    assert.match(refused.message, /"Theirs" was created by test/);
  });

  test('a person may act on a leased task; moving it out of work ends the lease and tells the holder', async () => {
    const [id] = await createTasks(core, 'Overruled');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    await core.callAs(alice, 'update_task', { task_id: id!, title: 'Overruled, renamed' });
    assert.equal((await core.call('get_task', { task_id: id! })).task.lease_holder, 'claude');
    await core.callAs(alice, 'update_task_status', { task_id: id!, status: 'cancelled' });
    const { task } = await core.call('get_task', { task_id: id! });
    assert.equal(task.lease_holder, null);
    const told = await core.call('list_notifications', { recipient: 'claude' });
    assert.match(
      told.notifications[0]!.message,
      /alice moved #\d+ "Overruled, renamed" to cancelled; your lease on it ended/,
    );
  });

  // The call pipeline checks before the call, in its own read; another process may claim the
  // task between that read and the write, so each write checks again inside its transaction.
  test('the writes of progress, checkpoints, artifacts, contexts and handoffs check inside their transaction', async () => {
    const [id] = await createTasks(core, 'Claimed meanwhile');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const services = servicesOf(core, clock);
    const handlers = {
      ...progressHandlers(services),
      ...handoffHandlers(services),
      ...artifactHandlers(services),
    } as Record<string, (args: unknown, context: unknown) => unknown>;
    const asCodex = makeContext({ caller: codex });
    const before = snapshot(core);
    for (const [name, input] of [
      ['update_progress', { task_id: id!, percent: 40 }],
      ['set_checkpoints', { task_id: id!, steps: ['design', 'build'] }],
      ['check_step', { task_id: id!, step: 'design' }],
      ['store_artifact', { task_id: id!, name: 'notes.md', content: 'mine now' }],
      ['save_context', { task_id: id!, context: { step: 'taking over' } }],
      ['prepare_handoff', { task_id: id! }],
    ] as const) {
      const args = parseInput(name as OperationName, input);
      assert.throws(
        () => handlers[name]!(args, asCodex),
        (error: unknown) =>
          error instanceof AppError &&
          error.code === 'FORBIDDEN' &&
          /is leased by claude until 14:15 UTC/.test(error.message),
        name,
      );
    }
    assert.equal(snapshot(core), before);
  });

  test('the holder itself may change its task', async () => {
    const [id] = await createTasks(core, 'Own work');
    await core.callAs(claude, 'claim_task', { task_id: id! });
    const updated = await core.callAs(claude, 'update_task', { task_id: id!, progress: 10 });
    assert.equal(updated.task.progress, 10);
  });
});
