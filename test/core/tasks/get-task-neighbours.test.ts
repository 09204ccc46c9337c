// get_task stays small for a hub: at most 50 neighbours of each kind, with how many in all.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { renderOutput } from '../../../src/host/cli/render/render-output.ts';
import { createTasks, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('get_task of a hub', () => {
  let core: TestCore;
  beforeEach(() => (core = openTestCore()));
  afterEach(() => core.dispose());

  test('60 dependents and 55 subtasks: 50 of each listed, the counts say 60 and 55', async () => {
    const [hub] = await createTasks(core, 'Hub');
    for (let index = 0; index < 60; index++)
      await core.call('create_task', { title: `Dependent ${index}`, dependencies: [hub!] });
    for (let index = 0; index < 55; index++)
      await core.call('create_task', { title: `Part ${index}`, parent_id: hub! });
    const got = await core.call('get_task', { task_id: hub! });
    assert.equal(got.dependents.length, 50);
    assert.equal(got.subtasks.length, 50);
    assert.deepEqual(got.counts, { dependencies: 0, dependents: 60, subtasks: 55, commits: 0 });
    assert.ok(JSON.stringify(got).length < 12_000, 'bounded however many tasks wait on it');

    const view = renderOutput(got, { kind: 'task' }, { args: [] });
    assert.match(view, /… 10 more \(60 in all\)/);
    assert.match(view, /… 5 more \(55 in all\)/);
  });

  test('a task with few neighbours lists them all, with matching counts', async () => {
    const [first, second] = await createTasks(core, 'First', 'Second');
    const third = await core.call('create_task', {
      title: 'Third',
      dependencies: [first!, second!],
    });
    const got = await core.call('get_task', { task_id: third.task.id });
    assert.deepEqual(
      got.dependencies.map((ref) => ref.id),
      [first, second],
    );
    assert.equal(got.counts.dependencies, 2);
    const view = renderOutput(got, { kind: 'task' }, { args: [] });
    assert.doesNotMatch(view, /more \(/);
  });
});
