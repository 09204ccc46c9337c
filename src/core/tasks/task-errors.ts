// Errors about tasks that several services raise, worded the same everywhere, with the
// operations that fix them as hints.
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';

export function requireTask(store: Store, id: number, role = 'task'): TaskRecord {
  const task = store.tasks.get(id);
  if (!task) {
    throw new AppError('NOT_FOUND', `No ${role} with id ${id}.`, { task_id: id }, [
      { action: 'find the right id', operation: 'list_tasks', input: {} },
    ]);
  }
  return task;
}

export function checkVersion(task: TaskRecord, expected: number | undefined): void {
  if (expected === undefined || expected === task.version) return;
  throw new AppError(
    'CONFLICT',
    `Task ${task.id} changed since you read it (you sent version ${expected}, it is now ${task.version}). Read it again and redo your change on the current version.`,
    { task_id: task.id, expected_version: expected, current_version: task.version },
    [{ action: 'read it again', operation: 'get_task', input: { task_id: task.id } }],
  );
}

function projectName(store: Store, id: number): string {
  return `"${store.projects.get(id)?.name ?? id}"`;
}

export function requireSameProject(
  store: Store,
  task: TaskRecord,
  other: TaskRecord,
  relation: string,
): void {
  if (task.project_id === other.project_id) return;
  throw new AppError(
    'VALIDATION',
    `Task #${other.id} is in project ${projectName(store, other.project_id)} and task #${task.id} in project ${projectName(store, task.project_id)}; a ${relation} must stay within one project.`,
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
