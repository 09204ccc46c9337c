// Property-based: the incremental cycle check agrees with a plain reachability search on random
// DAGs and random insertions, and the order it keeps stays topological.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DependencyOrder } from '../../../src/shared/graph/dependency-order.ts';

/** Reference: adding "task depends on prerequisite" closes a cycle iff task is reachable from prerequisite. */
function closesCycle(prerequisites: Map<number, Set<number>>, task: number, prerequisite: number): boolean {
  const stack = [prerequisite];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === task) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(prerequisites.get(node) ?? []));
  }
  return false;
}

function isCyclePath(prerequisites: Map<number, Set<number>>, cycle: number[], task: number, prerequisite: number): boolean {
  if (cycle[0] !== task || cycle.at(-1) !== task || cycle[1] !== prerequisite) return false;
  for (let i = 1; i + 1 < cycle.length; i++) {
    if (!prerequisites.get(cycle[i]!)?.has(cycle[i + 1]!)) return false;
  }
  return true;
}

const operations = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.boolean()), {
  maxLength: 200,
});

describe('DependencyOrder', () => {
  test('refuses exactly the edges that close a cycle, reporting a real cycle path', () => {
    fc.assert(
      fc.property(operations, (steps) => {
        const order = new DependencyOrder();
        const reference = new Map<number, Set<number>>();
        for (const [task, prerequisite, remove] of steps) {
          if (remove && reference.get(task)?.has(prerequisite)) {
            order.removeDependency(task, prerequisite);
            reference.get(task)!.delete(prerequisite);
            continue;
          }
          const expected = closesCycle(reference, task, prerequisite);
          const cycle = order.addDependency(task, prerequisite);
          assert.equal(cycle !== null, expected, `edge ${task} -> ${prerequisite}`);
          if (cycle) assert.ok(isCyclePath(reference, cycle, task, prerequisite), `bad path ${cycle.join(' -> ')}`);
          else {
            if (!reference.has(task)) reference.set(task, new Set());
            reference.get(task)!.add(prerequisite);
          }
          assert.ok(order.isConsistent());
        }
      }),
      { numRuns: 300 },
    );
  });

  test('builds from random DAG edges and keeps accepting edges that follow the order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 60 }), fc.nat()), { maxLength: 150 }), (pairs) => {
        const edges = pairs.map(([task, offset]) => ({ task_id: task, depends_on: 1 + (offset % (task - 1)) }));
        const order = DependencyOrder.fromEdges([], edges);
        assert.ok(order.isConsistent());
        assert.equal(order.addDependency(61, 1), null);
        if (edges.length > 0) assert.notEqual(order.addDependency(edges[0]!.depends_on, edges[0]!.task_id), null);
      }),
    );
  });

  test('fromEdges refuses edges that already contain a cycle', () => {
    assert.throws(() => DependencyOrder.fromEdges([1, 2], [{ task_id: 1, depends_on: 2 }, { task_id: 2, depends_on: 1 }]), /cycle/);
  });

  test('removing a node forgets its edges', () => {
    const order = DependencyOrder.fromEdges([1, 2, 3], [{ task_id: 2, depends_on: 1 }, { task_id: 3, depends_on: 2 }]);
    assert.deepEqual(order.addDependency(1, 3), [1, 3, 2, 1]);
    order.removeNode(2);
    assert.equal(order.addDependency(1, 3), null);
  });
});
