// Errors about tasks that several services raise, worded the same everywhere.
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';

export function requireTask(store: Store, id: number, role = 'task'): TaskRecord {
  const task = store.tasks.get(id);
  if (!task) {
    throw new AppError(
      'NOT_FOUND',
      `No ${role} with id ${id}. Use list_tasks to find the right id.`,
      { task_id: id },
    );
  }
  return task;
}

export function checkVersion(task: TaskRecord, expected: number | undefined): void {
  if (expected === undefined || expected === task.version) return;
  throw new AppError(
    'CONFLICT',
    `Task ${task.id} changed since you read it (you sent version ${expected}, it is now ${task.version}). Read it again with get_task and redo your change on the current version.`,
    { task_id: task.id, expected_version: expected, current_version: task.version },
  );
}

export function requireSameProject(task: TaskRecord, other: TaskRecord, relation: string): void {
  if (task.project_id === other.project_id) return;
  throw new AppError(
    'VALIDATION',
    `Task ${other.id} is in project ${other.project_id} and task ${task.id} in project ${task.project_id}; a ${relation} must stay within one project.`,
    { task_id: task.id, other_id: other.id },
  );
}

/** Describes a cycle [a, b, ..., a] where each waits for the next, naming subtask links. */
export function cycleError(store: Store, cycle: readonly number[]): AppError {
  const tasks = new Map(store.tasks.getMany([...new Set(cycle)]).map((task) => [task.id, task]));
  const name = (id: number) => `#${id} "${tasks.get(id)?.title ?? '(new task)'}"`;
  const steps: string[] = [];
  for (let index = 0; index + 1 < cycle.length; index++) {
    const [from, to] = [cycle[index]!, cycle[index + 1]!];
    const containment = tasks.get(to)?.parent_id === from && !store.dependencies.exists(from, to);
    steps.push(`${name(from)} ${containment ? 'contains subtask' : 'depends on'} ${name(to)}`);
  }
  return new AppError(
    'CYCLE',
    `That dependency would close a cycle: ${steps.join(', ')}. Nothing could ever start. Remove one of these links first, or add the dependency the other way round.`,
    { cycle: cycle.map((id) => ({ id, title: tasks.get(id)?.title ?? null })) },
  );
}
