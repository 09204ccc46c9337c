// Which status moves the inspector offers: the status machine's legal ones, less those the
// server would refuse because a prerequisite is unfinished, and, for a task in review, less
// "completed" and "in progress", which a person reaches through approve and reject (so the
// agent gets the note or the reason).
import {
  legalNextStatuses,
  requiresCompletedPrerequisites,
} from '../../../shared/tasks/status-machine.ts';
import type { TaskStatus } from '../../../shared/tasks/task-fields.ts';
import type { TaskRef } from '../../../shared/tasks/task.schema.ts';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  pending: 'Pending',
  in_progress: 'In progress',
  needs_input: 'Needs input',
  review: 'Review',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  blocked: 'Blocked',
};

export interface StatusOffer {
  /** The statuses offered as moves, in the status machine's order. */
  moves: TaskStatus[];
  /** Approve and reject are offered (the task waits in review). */
  review: boolean;
  /** Unfinished prerequisites that hold back in progress, review and completed. */
  waitingOn: TaskRef[];
}

export function offeredMoves(status: TaskStatus, prerequisites: readonly TaskRef[]): StatusOffer {
  const waitingOn = prerequisites.filter((prerequisite) => prerequisite.status !== 'completed');
  const review = status === 'review';
  const moves = legalNextStatuses(status).filter((next) => {
    if (waitingOn.length > 0 && requiresCompletedPrerequisites(next)) return false;
    return !(review && (next === 'completed' || next === 'in_progress'));
  });
  return { moves, review, waitingOn };
}
