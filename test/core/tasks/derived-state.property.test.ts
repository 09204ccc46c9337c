// Property-based: after any sequence of status changes and dependency edits, every task's
// `ready` and `waiting_on_failed` equal a from-scratch computation over the whole graph, and the
// per-status counts kept by triggers equal the tasks' real statuses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TASK_STATUSES } from '../../../src/shared/tasks/task-fields.ts';
import type { Task } from '../../../src/shared/tasks/task.schema.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

function expectedFlags(tasks: readonly Task[]) {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const bad = new Map<number, boolean>();
  const isBad = (task: Task): boolean => {
    if (!bad.has(task.id)) {
      const failed = task.status === 'failed' || task.status === 'cancelled';
      bad.set(
        task.id,
        failed ||
          (task.status !== 'completed' && task.dependencies.some((id) => isBad(byId.get(id)!))),
      );
    }
    return bad.get(task.id)!;
  };
  return tasks.map((task) => ({
    id: task.id,
    ready:
      task.status === 'pending' &&
      task.dependencies.every((id) => byId.get(id)!.status === 'completed'),
    waiting_on_failed:
      !['completed', 'failed', 'cancelled'].includes(task.status) &&
      task.dependencies.some((id) => isBad(byId.get(id)!)),
  }));
}

const step = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    task: fc.nat(11),
    status: fc.constantFrom(...TASK_STATUSES),
  }),
  fc.record({ kind: fc.constant('link' as const), task: fc.nat(11), on: fc.nat(11) }),
  fc.record({ kind: fc.constant('unlink' as const), task: fc.nat(11), on: fc.nat(11) }),
);

async function apply(
  core: TestCore,
  ids: number[],
  action: { kind: string; task: number; status?: string; on?: number },
) {
  const task_id = ids[action.task % ids.length]!;
  const other = ids[(action.on ?? 0) % ids.length]!;
  try {
    if (action.kind === 'status')
      await core.call('update_task_status', { task_id, status: action.status as Task['status'] });
    else if (action.kind === 'link')
      await core.call('add_dependency', { task_id, depends_on: other });
    else await core.call('remove_dependency', { task_id, depends_on: other });
  } catch (error) {
    // refusals (illegal transitions, cycles, missing edges) are expected and change nothing
    assert.ok(
      ['VALIDATION', 'FORBIDDEN', 'CYCLE', 'NOT_FOUND'].includes((error as { code: string }).code),
      String(error),
    );
  }
}

test('ready and waiting_on_failed always match a full recomputation', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 12 }),
      fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 20 }),
      fc.array(step, { minLength: 1, maxLength: 40 }),
      async (count, edges, steps) => {
        const core = openTestCore();
        try {
          const ids: number[] = [];
          for (let i = 0; i < count; i++)
            ids.push((await core.call('create_task', { title: `T${i}` })).task.id);
          for (const [a, b] of edges) {
            const [later, earlier] = [
              Math.max(a % count, b % count),
              Math.min(a % count, b % count),
            ];
            if (later !== earlier)
              await core.call('add_dependency', {
                task_id: ids[later]!,
                depends_on: ids[earlier]!,
              });
          }
          for (const action of steps) {
            await apply(core, ids, action);
            const { tasks } = await core.call('list_tasks', { limit: 500 });
            const full = tasks as Task[];
            assert.deepEqual(
              full.map(({ id, ready, waiting_on_failed }) => ({ id, ready, waiting_on_failed })),
              expectedFlags(full),
            );
            assert.equal((await core.call('list_tasks', { limit: 1 })).count, full.length);
            const ready = await core.call('get_ready_tasks', { limit: 1 });
            assert.equal(ready.count, full.filter((task) => task.ready).length, 'ready count');
            for (const status of ['pending', 'completed', 'failed'] as const) {
              const counted = (await core.call('list_tasks', { status, limit: 1 })).count;
              assert.equal(counted, full.filter((task) => task.status === status).length, status);
            }
          }
        } finally {
          core.dispose();
        }
      },
    ),
    { numRuns: 150 },
  );
});
