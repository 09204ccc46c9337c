// The linear-time layered layout used for large graphs: prerequisites stand in earlier columns,
// no two tasks share a place, it is deterministic, and barycentre sweeps undo a crossing that
// the input order makes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GraphEdge } from '../../../src/renderer/features/graph/graph-filters.ts';
import { quickLayout } from '../../../src/renderer/features/graph/quick-layout.ts';

const edge = (source: number, target: number): GraphEdge => ({
  id: `${source}-${target}`,
  source,
  target,
});

function placed(ids: number[], edges: GraphEdge[]) {
  return new Map(quickLayout(ids, edges).map((p) => [p.task_id, p]));
}

test('a task stands one column after its deepest prerequisite', () => {
  // 1 → 2 → 4, 1 → 3 → 4, 1 → 4
  const at = placed([1, 2, 3, 4], [edge(1, 2), edge(1, 3), edge(2, 4), edge(3, 4), edge(1, 4)]);
  assert.equal(at.get(1)!.x, 0);
  assert.equal(at.get(2)!.x, at.get(3)!.x);
  assert.ok(at.get(2)!.x > 0);
  assert.ok(at.get(4)!.x > at.get(2)!.x);
  assert.notEqual(at.get(2)!.y, at.get(3)!.y);
});

test('the sweeps uncross two chains given in crossing order', () => {
  // a1 → a2, b1 → b2, with the second column listed the other way round
  const at = placed([10, 20, 21, 11], [edge(10, 11), edge(20, 21)]);
  assert.equal(at.get(10)!.y < at.get(20)!.y, at.get(11)!.y < at.get(21)!.y);
});

test('2,000 tasks: every edge points right, no two share a place, the same every time', () => {
  const ids = Array.from({ length: 2000 }, (_, index) => index + 1);
  const edges: GraphEdge[] = [];
  for (const id of ids) {
    if (id > 40) edges.push(edge(id - 40, id));
    if (id > 97 && id % 3 === 0) edges.push(edge(id - 97, id));
  }
  const first = quickLayout(ids, edges);
  assert.equal(first.length, 2000);
  const at = new Map(first.map((p) => [p.task_id, p]));
  for (const { source, target } of edges) assert.ok(at.get(source)!.x < at.get(target)!.x);
  assert.equal(new Set(first.map((p) => `${p.x},${p.y}`)).size, 2000);
  assert.deepEqual(quickLayout(ids, edges), first);
});
