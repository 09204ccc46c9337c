// Seeds a project with the variety the task list must show: 60 tasks with dependencies, most
// statuses, ready tasks and tasks waiting on a failed prerequisite.
import type { Orchestrator } from '../../src/core/orchestrator.ts';
import type { TaskStatus } from '../../src/shared/tasks/task-fields.ts';

export const SEEDED_TASKS = 60;
const actor = { actor: 'test:seed' };

const AREAS = ['parser', 'store', 'graph view', 'CLI', 'MCP bridge', 'runner', 'importer', 'docs'];

const COMPLETED = [1, 2, 3, 5, 7, 8, 9, 11, 13, 17, 19, 22, 25];

/** Status paths from pending, each step legal in the status machine; applied in id order. */
const PATHS: Record<number, TaskStatus[]> = {
  ...Object.fromEntries(COMPLETED.map((id) => [id, ['completed']])),
  4: ['in_progress'],
  10: ['in_progress', 'failed'],
  16: ['in_progress', 'review'],
  20: ['in_progress', 'needs_input'],
  28: ['in_progress'],
  34: ['blocked'],
  35: ['cancelled'],
};

/** Task 14 waits on task 10, which fails; every third task waits on the one before it. */
function dependenciesOf(id: number): number[] {
  if (id === 14) return [10];
  if (id === 45) return [40, 41];
  return id % 3 === 0 ? [id - 1] : [];
}

export async function seedTasks(orchestrator: Orchestrator): Promise<void> {
  for (let i = 1; i <= SEEDED_TASKS; i++) {
    const area = AREAS[i % AREAS.length]!;
    await orchestrator.call(
      'create_task',
      {
        title: `${i % 2 ? 'Implement' : 'Test'} the ${area} step ${i}`,
        description:
          i % 4 === 0
            ? `Covers the ${area} edge cases found in review.\nSecond line stays hidden.`
            : '',
        priority: i % 5,
        dependencies: dependenciesOf(i),
      },
      actor,
    );
  }
  for (const [id, path] of Object.entries(PATHS)) {
    for (const status of path)
      await orchestrator.call('update_task_status', { task_id: Number(id), status }, actor);
  }
}
