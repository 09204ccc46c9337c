import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTasks, openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

describe('graph operations', () => {
  let core: TestCore;
  let ids: number[];
  beforeEach(async () => {
    core = openTestCore();
    // 1 <- 2 <- 4, 1 <- 3 <- 4, 5 alone
    ids = await createTasks(core, 'Design', 'API', 'UI', 'Release', 'Docs');
    for (const [task, on] of [
      [2, 1],
      [3, 1],
      [4, 2],
      [4, 3],
    ] as const) {
      await core.call('add_dependency', { task_id: task, depends_on: on });
    }
    await core.call('update_task', { task_id: 3, estimated_hours: 8 });
    await core.call('update_task', { task_id: 5, priority: 'urgent' });
  });
  afterEach(() => core.dispose());

  test('get_ready_tasks pages ready tasks, highest priority first', async () => {
    const first = await core.call('get_ready_tasks', { limit: 1 });
    assert.deepEqual(
      first.tasks.map((t) => t.id),
      [5],
    );
    assert.equal(first.count, 2);
    const second = await core.call('get_ready_tasks', { limit: 1, cursor: first.next_cursor! });
    assert.deepEqual(
      second.tasks.map((t) => t.id),
      [1],
    );
    assert.equal(second.next_cursor, null);
  });

  test('get_execution_order returns waves, leaving out completed work by default', async () => {
    assert.deepEqual((await core.call('get_execution_order', {})).waves, [[1, 5], [2, 3], [4]]);
    await core.call('update_task_status', { task_id: 1, status: 'completed' });
    assert.deepEqual((await core.call('get_execution_order', {})).waves, [[2, 3, 5], [4]]);
    assert.equal(
      (await core.call('get_execution_order', { include_completed: true })).task_count,
      5,
    );
  });

  test('get_critical_path follows estimated hours', async () => {
    const { path, total_hours } = await core.call('get_critical_path', {});
    assert.deepEqual(
      path.map((t) => t.id),
      [1, 3, 4],
    );
    assert.equal(total_hours, 10);
  });

  test('get_task_graph exports JSON, Mermaid and DOT', async () => {
    const json = await core.call('get_task_graph', {});
    assert.equal(json.node_count, 5);
    assert.equal(json.edge_count, 4);
    assert.ok(typeof json.graph !== 'string');
    assert.deepEqual(
      json.graph.edges.find((e) => e.task_id === 4 && e.depends_on === 2),
      { task_id: 4, depends_on: 2 },
    );
    assert.equal(json.graph.nodes.find((n) => n.id === 1)?.ready, true);
    const mermaid = await core.call('get_task_graph', { format: 'mermaid' });
    assert.match(mermaid.graph as string, /t2 --> t4/);
    const dot = await core.call('get_task_graph', { format: 'dot' });
    assert.match(dot.graph as string, /t3 -> t4;/);
  });

  test('a task_id narrows the export to its prerequisites and dependents', async () => {
    const graph = await core.call('get_task_graph', { task_id: 2 });
    assert.ok(typeof graph.graph !== 'string');
    assert.deepEqual(
      graph.graph.nodes.map((n) => n.id),
      [1, 2, 4],
    );
    assert.equal((await core.fails('get_task_graph', { task_id: 99 })).code, 'NOT_FOUND');
  });

  test('exports over max_nodes are refused with LIMIT saying how to narrow them', async () => {
    const error = await core.fails('get_task_graph', { max_nodes: 3 });
    assert.equal(error.code, 'LIMIT');
    assert.match(error.message, /Pass task_id/);
    assert.equal((await core.fails('get_task_graph', { format: 'svg' })).code, 'VALIDATION');
    assert.equal(ids.length, 5);
  });
});
