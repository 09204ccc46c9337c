// set_task_positions: saves a batch of editor positions in one event, leaves versions alone, and
// refuses unknown, foreign or repeated tasks without moving anything.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Task } from '../../../src/shared/tasks/task.schema.ts';
import {
  createTasks,
  openTestCore,
  snapshot,
  type TestCore,
} from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
let ids: number[];

before(async () => {
  core = openTestCore();
  ids = await createTasks(core, 'Design', 'Build');
});

after(() => core.dispose());

describe('set_task_positions', () => {
  it('saves positions that list_tasks and get_task_graph read back, versions unchanged', async () => {
    const [a, b] = ids as [number, number];
    const result = await core.call('set_task_positions', {
      positions: [
        { task_id: a, x: 10, y: 20.5 },
        { task_id: b, x: -300, y: 0 },
      ],
    });
    assert.equal(result.moved, 2);
    assert.equal(result.message, 'Saved the position of 2 tasks.');
    const listed = await core.call('list_tasks', { fields: 'full' });
    const tasks = listed.tasks as Task[];
    assert.deepEqual(
      tasks.map((task) => [task.id, task.position, task.version]),
      [
        [a, { x: 10, y: 20.5 }, 1],
        [b, { x: -300, y: 0 }, 1],
      ],
    );
    const graph = await core.call('get_task_graph', {});
    assert.ok(typeof graph.graph !== 'string');
    assert.deepEqual(graph.graph.nodes[0]?.position, { x: 10, y: 20.5 });
  });

  it('records one tasks.positioned event for the batch', async () => {
    const { events } = await core.call('list_events', { after_id: 0, limit: 500 });
    const moved = events.filter((event) => event.type === 'tasks.positioned');
    assert.equal(moved.length, 1);
    assert.equal(moved[0]?.task_id, null);
    assert.deepEqual(moved[0]?.after, {
      positions: [
        { task_id: ids[0], x: 10, y: 20.5 },
        { task_id: ids[1], x: -300, y: 0 },
      ],
    });
  });

  it('refuses a task of another project, naming it, and moves nothing', async () => {
    await core.call('create_project', { name: 'other' });
    const foreign = (await core.call('create_task', { project_id: 'other', title: 'Elsewhere' }))
      .task.id;
    const earlier = snapshot(core);
    const error = await core.fails('set_task_positions', {
      positions: [
        { task_id: ids[0], x: 1, y: 1 },
        { task_id: foreign, x: 1, y: 1 },
      ],
    });
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, new RegExp(`No task #${foreign} in project "default"`));
    assert.equal(snapshot(core), earlier);
  });

  it('refuses a task given twice, an empty list and a coordinate out of range', async () => {
    const earlier = snapshot(core);
    const twice = await core.fails('set_task_positions', {
      positions: [
        { task_id: ids[0], x: 1, y: 1 },
        { task_id: ids[0], x: 2, y: 2 },
      ],
    });
    assert.equal(twice.code, 'VALIDATION');
    assert.match(twice.message, /appears more than once/);
    const empty = await core.fails('set_task_positions', { positions: [] });
    assert.equal(empty.code, 'VALIDATION');
    assert.match(empty.message, /at least one task/);
    const far = await core.fails('set_task_positions', {
      positions: [{ task_id: ids[0], x: 1e12, y: 0 }],
    });
    assert.equal(far.code, 'VALIDATION');
    assert.equal(snapshot(core), earlier);
  });
});
