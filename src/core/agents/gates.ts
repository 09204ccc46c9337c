// The approval gate's rules: a task, or every task of its project, may require a person's
// approval. An agent's "completed" then stops at review, only a person moves a task on from
// review, and only a person lifts a gate: nothing an agent reports about itself counts as verified.
import { AppError } from '../../shared/errors.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { CallContext } from '../call-context.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';

/** Where a task's gate was set: on the task itself, or on its whole project. */
export type GateSource = 'task' | 'project';

export function isAgent(context: CallContext): boolean {
  return context.caller.kind === 'agent';
}

/** The gate that holds `task`, if any: its own flag first, else its project's. */
export function gateOf(store: Store, task: TaskRecord): GateSource | null {
  if (task.requires_approval) return 'task';
  return store.projects.get(task.project_id)?.requires_approval ? 'project' : null;
}

/** How a move ends in review, waiting for a person: the gate that stopped it, if one did. */
export interface ReviewStop {
  gate: GateSource | null;
}

/**
 * Whether this move ends in review instead of where it asked to go: an agent completing a gated
 * task, or an agent asking for review itself, waits for a person; a person's move goes through.
 */
export function stopsAtReview(
  store: Store,
  task: TaskRecord,
  status: TaskStatus,
  context: CallContext,
): ReviewStop | null {
  if (!isAgent(context)) return null;
  if (status === 'review') return { gate: gateOf(store, task) };
  if (status !== 'completed') return null;
  const gate = gateOf(store, task);
  return gate ? { gate } : null;
}

/** Refuses an agent's move of a task that waits in review: only a person approves or rejects it. */
export function checkLeavingReview(task: TaskRecord, status: TaskStatus, context: CallContext) {
  if (!isAgent(context) || task.status !== 'review' || status === 'review') return;
  throw new AppError(
    'FORBIDDEN',
    `#${task.id} "${task.title}" is waiting for approval: a person approves or rejects it, and you are notified of the outcome. Work on another task meanwhile.`,
    { task_id: task.id, status: task.status, requested: status },
    [{ action: 'find other work', operation: 'get_next_task', input: {} }],
  );
}

/** Refuses an agent lifting a gate; adding one (or leaving it as it is) is fine. */
export function checkGateChange(
  context: CallContext,
  what: string,
  current: boolean,
  next: boolean,
): void {
  if (!isAgent(context) || !current || next) return;
  throw new AppError(
    'FORBIDDEN',
    `Only a person can lift the approval gate of ${what}; an agent's work there must be approved by a person.`,
    { requires_approval: current },
  );
}

/** Refuses an agent: `doing` is a person's decision, e.g. "approve a task". */
export function requirePerson(context: CallContext, doing: string): void {
  if (!isAgent(context)) return;
  throw new AppError(
    'FORBIDDEN',
    `Only a person can ${doing}; agents cannot, since nothing an agent reports about its own work counts as verified.`,
    { caller: context.caller.name },
  );
}

/** Refuses approving or rejecting a task that is not waiting in review, naming its status. */
export function requireInReview(task: TaskRecord, doing: 'approve' | 'reject'): void {
  if (task.status === 'review') return;
  throw new AppError(
    'VALIDATION',
    `Task ${task.id} is ${task.status}, not in review; only a task waiting in review can be ${doing === 'approve' ? 'approved' : 'rejected'}.`,
    { task_id: task.id, status: task.status },
    [{ action: 'see what waits for approval', operation: 'list_reviews', input: {} }],
  );
}
