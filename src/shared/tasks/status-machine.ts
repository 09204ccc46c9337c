// Which status may follow which. Pure, so the renderer can grey out illegal moves and core can
// refuse them with the same table.
import type { TaskStatus } from './task-fields.ts';

const TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  pending: ['in_progress', 'completed', 'blocked', 'cancelled'],
  in_progress: ['needs_input', 'review', 'completed', 'failed', 'pending', 'blocked', 'cancelled'],
  needs_input: ['in_progress', 'pending', 'blocked', 'cancelled', 'failed'],
  review: ['completed', 'in_progress', 'failed', 'cancelled'],
  completed: ['pending', 'in_progress'],
  failed: ['pending', 'in_progress', 'cancelled'],
  cancelled: ['pending'],
  blocked: ['pending', 'in_progress', 'cancelled'],
};

export function legalNextStatuses(from: TaskStatus): readonly TaskStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses that stop dependents: they wait on a failed prerequisite until it is retried. */
export function isFailedStatus(status: TaskStatus): boolean {
  return status === 'failed' || status === 'cancelled';
}

/** Statuses that require every prerequisite to be completed first. */
export function requiresCompletedPrerequisites(status: TaskStatus): boolean {
  return status === 'in_progress' || status === 'review' || status === 'completed';
}
