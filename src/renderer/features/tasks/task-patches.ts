// What one event does to one loaded task: each kind carries the fields it changed (`after`), so
// the row is brought up to date without reading the task back.
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import { priorityLabel } from '../../../shared/tasks/task-fields.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { withId } from './sorted-rows.ts';

/** Fields an update never changes, whatever an event says. */
const FIXED = new Set(['id', 'project_id']);

function flags(task: Task, ready: boolean, waitingOnFailed: boolean): Task {
  if (task.ready === ready && task.waiting_on_failed === waitingOnFailed) return task;
  return { ...task, ready, waiting_on_failed: waitingOnFailed };
}

/**
 * task.updated names only the fields it changed; the write also moved the version on by one and
 * stamped updated_at (which the event's time stands for), as every task write does.
 */
function withFields(task: Task, after: Record<string, unknown>, at: string): Task {
  const next: Record<string, unknown> = { ...task, version: task.version + 1, updated_at: at };
  for (const [field, value] of Object.entries(after)) {
    if (Object.hasOwn(task, field) && !FIXED.has(field)) next[field] = value;
  }
  if (typeof next['priority'] === 'number')
    next['priority_label'] = priorityLabel(next['priority']);
  return next as Task;
}

/** The task after the event, or the same object when the event does not change it. */
export function patchTask(task: Task, event: OrchestronEvent): Task {
  switch (event.type) {
    case 'task.updated':
      return withFields(task, event.after, event.at);
    case 'task.status_changed': {
      const { status, version, progress, started_at, completed_at, updated_at } = event.after;
      const moved = { status, version, progress, started_at, completed_at, updated_at };
      return {
        ...task,
        ...moved,
        ready: event.after.ready,
        waiting_on_failed: event.after.waiting_on_failed,
      };
    }
    case 'task.ready':
      return flags(task, true, task.waiting_on_failed);
    case 'task.waiting_on_failed':
      return flags(task, task.ready, true);
    case 'task.failure_cleared':
      return flags(task, task.ready, false);
    case 'task.prerequisite_reopened':
      return flags(task, event.after.ready, event.after.waiting_on_failed);
    case 'dependency.added':
      return {
        ...task,
        dependencies: withId(task.dependencies, event.after.depends_on),
        version: event.after.version,
        updated_at: event.at,
        ready: event.after.ready,
        waiting_on_failed: event.after.waiting_on_failed,
      };
    case 'dependency.removed':
      return {
        ...task,
        dependencies: task.dependencies.filter((id) => id !== event.before.depends_on),
        version: event.after.version,
        updated_at: event.at,
        ready: event.after.ready,
        waiting_on_failed: event.after.waiting_on_failed,
      };
    default:
      return task;
  }
}

/** A deleted task leaves the dependency lists of the tasks that waited on it. */
export function withoutDependency(task: Task, id: number): Task {
  if (!task.dependencies.includes(id)) return task;
  return { ...task, dependencies: task.dependencies.filter((other) => other !== id) };
}
