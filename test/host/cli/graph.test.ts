// Dependencies and whole-graph commands through the real executable: dep add/remove (a cycle
// exits 1 with the cycle in the message), ready, graph in every format, order, critical path.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openCliSandbox, type CliSandbox } from './cli-harness.ts';

describe('orchestron dep … and graph …', () => {
  let cli: CliSandbox;
  before(() => {
    cli = openCliSandbox();
    cli.expect(0, ['task', 'create', '--title', 'Plan', '--estimated-hours', '2']);
    cli.expect(0, ['task', 'create', '--title', 'Build', '--estimated-hours', '5']);
    cli.expect(0, ['task', 'create', '--title', 'Document']);
  });
  after(() => cli.dispose());

  test('dep add links tasks; a link closing a loop exits 1 with CYCLE and the cycle path', () => {
    const added = cli.json('add_dependency', ['dep', 'add', '2', '1']);
    assert.deepEqual(added.task.dependencies, [1]);
    cli.expect(0, ['dep', 'add', '3', '2']);
    const cycle = cli.expect(1, ['dep', 'add', '1', '3']);
    assert.match(cycle.stderr, /^error\[CYCLE\]: .*#1 "Plan".*#3 "Document"/);
    const asJson = cli.expect(1, ['dep', 'add', '1', '3', '--json']);
    const { error } = JSON.parse(asJson.stdout) as {
      error: { code: string; message: string; details: { cycle: { id: number }[] } };
    };
    assert.equal(error.code, 'CYCLE');
    assert.deepEqual(error.details.cycle.map((step) => step.id).sort(), [1, 1, 2, 3]);
  });

  test('dep remove unlinks', () => {
    cli.expect(0, ['dep', 'add', '3', '1']);
    const removed = cli.json('remove_dependency', ['dep', 'remove', '3', '1']);
    assert.deepEqual(removed.task.dependencies, [2]);
  });

  test('task ready lists only tasks whose prerequisites are completed', () => {
    const ready = cli.json('get_ready_tasks', ['task', 'ready']);
    assert.deepEqual(
      ready.tasks.map((task) => task.id),
      [1],
    );
    assert.match(cli.expect(0, ['task', 'ready']).stdout, /^ID\s+TITLE\s+STATUS/);
  });

  test('graph prints Mermaid and DOT raw, and JSON with nodes and edges', () => {
    const mermaid = cli.expect(0, ['graph', '--format', 'mermaid']).stdout;
    assert.match(mermaid, /^flowchart/);
    assert.match(mermaid, /t1 --> t2/);
    assert.doesNotMatch(mermaid, /node count/);
    const dot = cli.expect(0, ['graph', '--format', 'dot']).stdout;
    assert.match(dot, /^digraph/);
    assert.match(dot, /t2 -> t3;/);
    const json = cli.json('get_task_graph', ['graph']);
    assert.equal(json.format, 'json');
    assert.equal(json.node_count, 3);
    assert.deepEqual(
      json.graph,
      JSON.parse(cli.expect(0, ['graph', '--format', 'json', '--json']).stdout).graph,
    );
    assert.match(cli.expect(0, ['graph']).stdout, /nodes:\n\s+ID\s+TITLE/);
  });

  test('graph order gives waves and graph critical-path the longest chain by hours', () => {
    const order = cli.json('get_execution_order', ['graph', 'order']);
    assert.deepEqual(order.waves, [[1], [2], [3]]);
    assert.match(cli.expect(0, ['graph', 'order']).stdout, /waves:\n\s+1\. 1\n\s+2\. 2\n\s+3\. 3/);
    const path = cli.json('get_critical_path', ['graph', 'critical-path']);
    assert.deepEqual(
      path.path.map((step) => step.id),
      [1, 2, 3],
    );
    assert.equal(path.total_hours, 8);
  });
});
