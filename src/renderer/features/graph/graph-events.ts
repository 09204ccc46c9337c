// What one event of the feed does to the graph's copy of a project: tasks patched in place (the
// list's patches plus claims, leases, progress, reviews, pauses and positions), open questions
// counted per task. Pure, so the store applies it and tests prove it without a browser.
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { patchTask, withoutDependency } from '../tasks/task-patches.ts';

export interface GraphData {
  tasks: ReadonlyMap<number, Task>;
  /** Tickets of the open questions asked about each task. */
  questions: ReadonlyMap<number, ReadonlySet<string>>;
}

type Patch = Partial<Task>;

/** The fields an event sets on its task, for the kinds the list's patches do not cover. */
function fieldsOf(event: OrchestronEvent): Patch | null {
  switch (event.type) {
    case 'task.claimed': {
      const { status, assignee, holder, expires_at, version } = event.after;
      return { status, assignee, version, lease_holder: holder, lease_expires_at: expires_at };
    }
    case 'task.released':
    case 'task.lease_expired': {
      const { status, assignee } = event.after;
      return { status, assignee, lease_holder: null, lease_expires_at: null };
    }
    case 'task.progress':
      return { progress: event.after.progress, version: event.after.version };
    case 'task.checkpoints_changed':
      return { progress: event.after.progress, version: event.after.version };
    case 'task.review_requested':
    case 'task.approved':
    case 'task.rejected':
      return { status: event.after.status, version: event.after.version };
    case 'task.gate_changed':
      return { requires_approval: event.after.requires_approval, version: event.after.version };
    case 'task.paused': {
      const { paused_at, paused_by, reason, released } = event.after;
      const lease = released === null ? {} : { lease_holder: null, lease_expires_at: null };
      return { paused_at, paused_by, paused_reason: reason, ...lease };
    }
    case 'task.resumed':
      return { paused_at: null, paused_by: null, paused_reason: null };
    default:
      return null;
  }
}

function withTask(data: GraphData, id: number, change: (task: Task) => Task): GraphData {
  const task = data.tasks.get(id);
  if (!task) return data;
  const next = change(task);
  if (next === task) return data;
  const tasks = new Map(data.tasks);
  tasks.set(id, next);
  return { ...data, tasks };
}

function withQuestion(data: GraphData, taskId: number, ticket: string, open: boolean): GraphData {
  const tickets = new Set(data.questions.get(taskId));
  if (open === tickets.has(ticket)) return data;
  if (open) tickets.add(ticket);
  else tickets.delete(ticket);
  const questions = new Map(data.questions);
  if (tickets.size === 0) questions.delete(taskId);
  else questions.set(taskId, tickets);
  return { ...data, questions };
}

function deleted(data: GraphData, id: number): GraphData {
  if (!data.tasks.has(id)) return data;
  const tasks = new Map(data.tasks);
  tasks.delete(id);
  for (const [otherId, task] of tasks) {
    const next = withoutDependency(task, id);
    if (next !== task) tasks.set(otherId, next);
  }
  const questions = new Map(data.questions);
  questions.delete(id);
  return { tasks, questions };
}

function positioned(data: GraphData, event: OrchestronEvent & { type: 'tasks.positioned' }) {
  const tasks = new Map(data.tasks);
  for (const { task_id, x, y } of event.after.positions) {
    const task = tasks.get(task_id);
    if (task && (task.position?.x !== x || task.position?.y !== y))
      tasks.set(task_id, { ...task, position: { x, y } });
  }
  return { ...data, tasks };
}

/**
 * The graph after one event of this project (events of others leave it as it is), or 'reload'
 * for a bulk change (an import) better read again.
 */
export function applyGraphEvent(
  data: GraphData,
  event: OrchestronEvent,
  projectId: number,
): GraphData | 'reload' {
  if (event.project_id !== projectId) return data;
  switch (event.type) {
    case 'project.imported':
      return 'reload';
    case 'task.created': {
      if (data.tasks.has(event.after.id)) return data;
      const tasks = new Map(data.tasks);
      tasks.set(event.after.id, event.after);
      return { ...data, tasks };
    }
    case 'task.deleted':
      return deleted(data, event.before.id);
    case 'tasks.positioned':
      return positioned(data, event);
    case 'intervention.requested':
      return withQuestion(data, event.after.task_id, event.after.ticket, true);
    case 'intervention.answered':
    case 'intervention.cancelled':
      return withQuestion(data, event.after.task_id, event.after.ticket, false);
    default: {
      if (event.task_id === null) return data;
      const fields = fieldsOf(event);
      return withTask(data, event.task_id, (task) =>
        fields ? { ...task, ...fields } : patchTask(task, event),
      );
    }
  }
}

/** Whether an event changes what the critical path is computed from (edges, statuses, hours). */
export function movesCriticalPath(event: OrchestronEvent): boolean {
  return (
    event.type === 'task.created' ||
    event.type === 'task.deleted' ||
    event.type === 'task.status_changed' ||
    event.type === 'task.approved' ||
    event.type === 'dependency.added' ||
    event.type === 'dependency.removed' ||
    (event.type === 'task.updated' && 'estimated_hours' in event.after)
  );
}
