// Property-based: on random DAGs in a real database, add_dependency refuses exactly the edges
// that would close a cycle (checked against a plain reachability search) and reports a real
// cycle path; refused edges change nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { openTestCore } from '../../helpers/temp-orchestrator.ts';

/** Reference: "task depends on prerequisite" closes a cycle iff prerequisite already reaches task. */
function closesCycle(
  prerequisites: Map<number, Set<number>>,
  task: number,
  prerequisite: number,
): boolean {
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

const scenario = fc.record({
  size: fc.integer({ min: 2, max: 15 }),
  // a random DAG: edges only from a later task to an earlier one
  dag: fc.array(fc.tuple(fc.nat(14), fc.nat(14)), { maxLength: 30 }),
  // then arbitrary attempts in either direction
  attempts: fc.array(fc.tuple(fc.nat(14), fc.nat(14)), { minLength: 1, maxLength: 30 }),
});

test('add_dependency refuses exactly the edges that close a cycle, with a real path', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ size, dag, attempts }) => {
      const core = openTestCore();
      const reference = new Map<number, Set<number>>();
      const link = (task: number, on: number) =>
        reference.set(task, (reference.get(task) ?? new Set()).add(on));
      try {
        const ids: number[] = [];
        for (let i = 0; i < size; i++)
          ids.push((await core.call('create_task', { title: `T${i}` })).task.id);
        for (const [a, b] of dag) {
          const [later, earlier] = [
            ids[Math.max(a % size, b % size)]!,
            ids[Math.min(a % size, b % size)]!,
          ];
          if (later === earlier) continue;
          await core.call('add_dependency', { task_id: later, depends_on: earlier });
          link(later, earlier);
        }
        for (const [a, b] of attempts) {
          const [task, on] = [ids[a % size]!, ids[b % size]!];
          if (task === on) continue;
          if (!closesCycle(reference, task, on)) {
            await core.call('add_dependency', { task_id: task, depends_on: on });
            link(task, on);
            continue;
          }
          const error = await core.fails('add_dependency', { task_id: task, depends_on: on });
          assert.equal(error.code, 'CYCLE');
          const cycle = (error.details!['cycle'] as { id: number }[]).map((step) => step.id);
          assert.deepEqual([cycle[0], cycle[1], cycle.at(-1)], [task, on, task]);
          for (let i = 1; i + 1 < cycle.length; i++) {
            assert.ok(
              reference.get(cycle[i]!)?.has(cycle[i + 1]!),
              `no edge ${cycle[i]} -> ${cycle[i + 1]}`,
            );
          }
        }
        const { tasks } = await core.call('list_tasks', { fields: 'compact', limit: 500 });
        for (const task of tasks) {
          assert.deepEqual(
            task.dependencies,
            [...(reference.get(task.id) ?? [])].sort((x, y) => x - y),
          );
        }
      } finally {
        core.dispose();
      }
    }),
    { numRuns: 100 },
  );
});
