// Keeps the derived counters of tasks (unmet dependencies, failed prerequisites) in step after a
// change, walking downstream only as far as a task's "failed or waiting on a failure" flips.
// Reports what became ready and what now waits on a failure, with their events.
import { isFailedStatus } from '../../shared/tasks/status-machine.ts';
import type { TaskRef } from '../../shared/tasks/task.schema.ts';
import type { CallContext } from '../call-context.ts';
import type { EventWriter } from '../events/event-writer.ts';
import type { Store } from '../store/store.ts';
import type { PrerequisiteState } from '../store/dependencies.repo.ts';
import type { DerivedRow } from '../store/task-rows.ts';
import type { Clock } from '../call-context.ts';
import { isReady, isWaitingOnFailed } from './task-view.ts';

export interface DerivedChanges {
  becameReady: TaskRef[];
  nowWaitingOnFailed: TaskRef[];
}

/** Failed or cancelled itself, or not yet completed and waiting on such a task. */
export function blocksDependents(
  task: Pick<DerivedRow, 'status' | 'failed_prerequisites'>,
): boolean {
  return (
    isFailedStatus(task.status) || (task.status !== 'completed' && task.failed_prerequisites > 0)
  );
}

export class DerivedState {
  private readonly store: Store;
  private readonly events: EventWriter;
  private readonly clock: Clock;

  constructor(store: Store, events: EventWriter, clock: Clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Recomputes `ids`, and downstream wherever a task's "failed or waiting on a failure" flips,
   * a level at a time with a few statements per level. A task is recomputed again whenever one
   * of its prerequisites flips after it was visited, so the result does not depend on visiting
   * order; one status change flips tasks in one direction only, so the walk ends. Call inside the
   * write that changed them. `silent` skips events, for a task whose creation event shows its state.
   */
  refresh(
    ids: Iterable<number>,
    context: CallContext,
    options: { silent?: boolean } = {},
  ): DerivedChanges {
    const initial = new Map<number, DerivedRow>();
    const latest = new Map<number, DerivedRow>();
    for (let level = [...new Set(ids)]; level.length > 0;) {
      const prerequisites = groupByTask(this.store.dependencies.prerequisiteStatesOf(level));
      const updates: [number, number, number][] = [];
      const flipped: number[] = [];
      for (const task of this.store.tasks.derivedRows(level)) {
        if (!initial.has(task.id)) initial.set(task.id, task);
        const states = prerequisites.get(task.id) ?? [];
        const unmet = states.filter((p) => p.status !== 'completed').length;
        const failed = states.filter(blocksDependents).length;
        if (unmet === task.unmet_dependencies && failed === task.failed_prerequisites) continue;
        const next = { ...task, unmet_dependencies: unmet, failed_prerequisites: failed };
        updates.push([task.id, unmet, failed]);
        latest.set(task.id, next);
        if (blocksDependents(task) !== blocksDependents(next)) flipped.push(task.id);
      }
      this.store.tasks.setDerivedMany(updates);
      level = flipped.length > 0 ? this.store.dependencies.dependentsOfMany(flipped) : [];
    }
    const changes: DerivedChanges = { becameReady: [], nowWaitingOnFailed: [] };
    if (!options.silent) {
      for (const [id, after] of latest) this.report(initial.get(id)!, after, changes, context);
    }
    return changes;
  }

  private report(
    before: DerivedRow,
    after: DerivedRow,
    changes: DerivedChanges,
    context: CallContext,
  ): void {
    const ref = { id: after.id, title: after.title, status: after.status };
    const project_id = after.project_id;
    if (!isReady(before) && isReady(after)) {
      changes.becameReady.push(ref);
      this.events.record(context, {
        type: 'task.ready',
        project_id,
        task_id: after.id,
        after: ref,
      });
      if (after.assignee) {
        this.store.notifications.insert({
          project_id,
          task_id: after.id,
          kind: 'task.ready',
          recipient: after.assignee,
          message: `Task #${after.id} "${after.title}" is ready: every prerequisite is completed.`,
          created_at: this.clock.now(),
        });
      }
    }
    const waitingBefore = isWaitingOnFailed(before);
    const waitingAfter = isWaitingOnFailed(after);
    if (!waitingBefore && waitingAfter) {
      changes.nowWaitingOnFailed.push(ref);
      this.events.record(context, {
        type: 'task.waiting_on_failed',
        project_id,
        task_id: after.id,
        before: { failed_prerequisites: before.failed_prerequisites },
        after: { failed_prerequisites: after.failed_prerequisites },
      });
    } else if (waitingBefore && !waitingAfter) {
      this.events.record(context, {
        type: 'task.failure_cleared',
        project_id,
        task_id: after.id,
        before: { failed_prerequisites: before.failed_prerequisites },
        after: { failed_prerequisites: after.failed_prerequisites },
      });
    }
  }
}

function groupByTask(states: readonly PrerequisiteState[]): Map<number, PrerequisiteState[]> {
  const groups = new Map<number, PrerequisiteState[]>();
  for (const state of states) {
    const list = groups.get(state.task_id);
    if (list) list.push(state);
    else groups.set(state.task_id, [state]);
  }
  return groups;
}
