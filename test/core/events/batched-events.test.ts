// A cascade writes its events in a few multi-row statements; what lands in the log must be the
// same as one INSERT per event: every event, in order, with consecutive ids.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('batched cascade events', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('completing a task with 701 dependents logs 701 task.ready events in order', async () => {
    const root = (await core.call('create_task', { title: 'Root' })).task.id;
    // 701 = 256 + 256 + 128 + 32 + 16 + 8 + 4 + 1: every batch size but 64 and 2
    const dependents: number[] = [];
    for (let index = 0; index < 701; index++) {
      const created = await core.call('create_task', {
        title: `Dependent ${index}`,
        dependencies: [root],
      });
      dependents.push(created.task.id);
    }
    const before = core.orchestrator.store.events.lastId();
    await core.call('update_task_status', { task_id: root, status: 'completed' });
    const events = core.orchestrator.store.events.query({ after_id: before, limit: 10_000 });
    const ready = events.filter((event) => event.type === 'task.ready');
    assert.deepEqual(
      ready.map((event) => event.task_id),
      dependents,
    );
    const ids = events.map((event) => event.id);
    assert.deepEqual(
      ids,
      ids.map((_, index) => before + 1 + index),
      'consecutive ids, status change first',
    );
    assert.equal(events[0]!.type, 'task.status_changed');
    const sample = ready[700]!;
    assert.equal(sample.type, 'task.ready');
    if (sample.type === 'task.ready')
      assert.deepEqual(sample.after, {
        id: dependents[700],
        title: 'Dependent 700',
        status: 'pending',
      });
  });

  test('a cascading delete of 301 tasks logs one task.deleted each; a refused one logs nothing', async () => {
    const root = (await core.call('create_task', { title: 'Root' })).task.id;
    const ids = [root];
    for (let index = 0; index < 300; index++)
      ids.push(
        (await core.call('create_task', { title: `T${index}`, dependencies: [root] })).task.id,
      );
    const before = core.orchestrator.store.events.lastId();
    await core.fails('delete_task', { task_id: root });
    assert.equal(core.orchestrator.store.events.lastId(), before, 'refused without on_dependents');
    await core.call('delete_task', { task_id: root, on_dependents: 'cascade' });
    const events = core.orchestrator.store.events.query({ after_id: before, limit: 10_000 });
    assert.deepEqual(
      events.filter((event) => event.type === 'task.deleted').map((event) => event.task_id),
      ids,
    );
  });
});
