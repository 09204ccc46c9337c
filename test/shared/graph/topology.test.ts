import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toDot, toMermaid } from '../../../src/shared/graph/graph-render.ts';
import { criticalPath, topologicalWaves } from '../../../src/shared/graph/topology.ts';

const node = (id: number, hours: number | null = null, status = 'pending') => ({
  id,
  title: `T${id}`,
  status,
  estimated_hours: hours,
});
const edge = (task_id: number, depends_on: number) => ({ task_id, depends_on });

describe('topologicalWaves', () => {
  test('groups tasks so each depends only on earlier waves', () => {
    const waves = topologicalWaves(
      [node(1), node(2), node(3), node(4)],
      [edge(3, 1), edge(3, 2), edge(4, 3)],
    );
    assert.deepEqual(waves, [[1, 2], [3], [4]]);
  });

  test('ignores edges to tasks outside the set and fails loudly on a cycle', () => {
    assert.deepEqual(topologicalWaves([node(2)], [edge(2, 1)]), [[2]]);
    assert.throws(() => topologicalWaves([node(1), node(2)], [edge(1, 2), edge(2, 1)]), /cycle/);
  });
});

describe('criticalPath', () => {
  test('follows the longest chain by estimated hours, counting unknown as 1', () => {
    const nodes = [node(1, 2), node(2, 10), node(3), node(4, 1)];
    const path = criticalPath(nodes, [edge(3, 1), edge(3, 2), edge(4, 3)]);
    assert.deepEqual(path, { ids: [2, 3, 4], totalHours: 12 });
  });

  test('is empty for an empty graph', () => {
    assert.deepEqual(criticalPath([], []), { ids: [], totalHours: 0 });
  });
});

describe('graph renderings', () => {
  test('Mermaid draws prerequisite --> dependent with a class per status and escaped titles', () => {
    const text = toMermaid(
      [{ id: 1, title: 'Say "hi" <b>', status: 'completed' }, node(2)],
      [edge(2, 1)],
    );
    assert.match(text, /^flowchart TD\n/);
    assert.match(text, /classDef completed fill:#dcfce7/);
    assert.match(text, /t1\["#1 Say #quot;hi#quot; #lt;b#gt;"\]:::completed/);
    assert.match(text, /t1 --> t2/);
  });

  test('DOT quotes labels and colours nodes by status', () => {
    const text = toDot(
      [{ id: 1, title: 'a "quoted" \\ title', status: 'failed' }, node(2)],
      [edge(2, 1)],
    );
    assert.match(text, /^digraph tasks \{/);
    assert.match(text, /t1 \[label="#1 a \\"quoted\\" \\\\ title", fillcolor="#fee2e2"/);
    assert.match(text, /t1 -> t2;/);
  });
});
