// Which events change what the inspector shows of a task: its own, an edge to or from it, and a
// change to a task it lists (a prerequisite, a dependent or a subtask, shown with its status).
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';

export function touchesTask(
  event: OrchestronEvent,
  taskId: number,
  related: ReadonlySet<number>,
): boolean {
  if (event.task_id === taskId) return true;
  if (event.type === 'dependency.added') return event.after.depends_on === taskId;
  if (event.type === 'dependency.removed') return event.before.depends_on === taskId;
  if (event.type === 'task.created') return event.after.parent_id === taskId;
  return event.task_id !== null && related.has(event.task_id);
}
