// The rules of the task graph, kept in one place: which status may follow which (and when),
// edges that would close a cycle, and the derived counters (unmet dependencies, failed
// prerequisites) that make tasks ready or waiting on a failure. Writers change tasks and edges
// through this module, which keeps the counters in step and records what flipped.
import { AppError, type FixHint } from '../../shared/errors.ts';
import {
  canTransition,
  isFailedStatus,
  legalNextStatuses,
  requiresCompletedPrerequisites,
} from '../../shared/tasks/status-machine.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { TaskRef } from '../../shared/tasks/task.schema.ts';
import type { CallContext, Clock } from '../call-context.ts';
import type { Emit, Flags } from '../events/emit.ts';
import { notify } from '../events/notify.ts';
import { findCycle } from '../graph/cycle-check.ts';
import type { PrerequisiteState } from '../store/dependencies.repo.ts';
import type { Store } from '../store/store.ts';
import type { DerivedRow, TaskRecord } from '../store/task-rows.ts';
import type { Steps } from '../work.ts';
import { keepLeaseInStep, type MoveOptions } from './lease-expiry.ts';
import { cycleError } from './task-errors.ts';
import { isReady, isWaitingOnFailed } from './task-view.ts';

export interface DerivedChanges {
  becameReady: TaskRef[];
  nowWaitingOnFailed: TaskRef[];
}

export interface StatusChange extends DerivedChanges {
  task: TaskRecord;
  warnings: string[];
}

/** Failed or cancelled itself, or not yet completed and waiting on such a task. */
export function blocksDependents(
  task: Pick<DerivedRow, 'status' | 'failed_prerequisites'>,
): boolean {
  return (
    isFailedStatus(task.status) || (task.status !== 'completed' && task.failed_prerequisites > 0)
  );
}

export function flagsOf(
  task: Pick<TaskRecord, 'status' | 'unmet_dependencies' | 'failed_prerequisites'>,
): Flags {
  return { ready: isReady(task), waiting_on_failed: isWaitingOnFailed(task) };
}

const WORKING: readonly TaskStatus[] = ['in_progress', 'needs_input', 'review'];

export class GraphRules {
  private readonly store: Store;
  private readonly emit: Emit;
  private readonly clock: Clock;

  constructor(store: Store, emit: Emit, clock: Clock) {
    this.store = store;
    this.emit = emit;
    this.clock = clock;
  }

  /** Refuses an illegal move: one the status machine forbids, or one the graph does not allow yet. */
  checkMove(task: TaskRecord, status: TaskStatus): void {
    if (!canTransition(task.status, status)) {
      const legal = legalNextStatuses(task.status);
      throw new AppError(
        'VALIDATION',
        `Task ${task.id} is ${task.status}; it can move to ${legal.join(', ')}, not ${status}.`,
        { task_id: task.id, status: task.status, requested: status, legal: [...legal] },
      );
    }
    if (requiresCompletedPrerequisites(status)) {
      const open = this.store.dependencies
        .prerequisiteStates(task.id)
        .filter((p) => p.status !== 'completed');
      if (open.length > 0) {
        const refs = this.store.tasks.refs(open.map((p) => p.id));
        throw new AppError(
          'FORBIDDEN',
          `Task ${task.id} cannot become ${status}: it depends on ${refs.map((r) => `#${r.id} "${r.title}" (${r.status})`).join(', ')}. Complete those first.`,
          { task_id: task.id, waiting_for: refs },
          [
            {
              action: 'see what it waits for',
              operation: 'get_task',
              input: { task_id: task.id },
            },
            ...refs.slice(0, 2).map((ref): FixHint => ({
              action: `drop the dependency on #${ref.id}`,
              operation: 'remove_dependency',
              input: { task_id: task.id, depends_on: ref.id },
            })),
          ],
        );
      }
    }
    if (status === 'completed') {
      const open = this.store.tasks
        .subtaskRefs(task.id)
        .filter((s) => s.status !== 'completed' && s.status !== 'cancelled');
      if (open.length > 0) {
        throw new AppError(
          'FORBIDDEN',
          `Task ${task.id} has subtasks still open: ${open.map((s) => `#${s.id} "${s.title}" (${s.status})`).join(', ')}. Complete or cancel them first.`,
          { task_id: task.id, open_subtasks: open },
        );
      }
    }
  }

  /**
   * Moves a task to `status` (already checked), with the cascade it causes, as steps. Every
   * status move comes through here, so the task's lease is kept in step here too: ended when the
   * task leaves work, restarted when it comes back into progress (keepLeaseInStep).
   */
  *moveStatus(
    task: TaskRecord,
    status: TaskStatus,
    context: CallContext,
    options: MoveOptions = {},
  ): Steps<StatusChange> {
    const next = this.withStatus(task, status);
    this.store.tasks.update(task.id, next);
    this.emit.statusChanged(
      context,
      task,
      { status: task.status, version: task.version },
      { ...this.moveFields(next), ...flagsOf(next) },
    );
    if (!isReady(task) && isReady(next)) {
      this.emit.taskReady(context, task.project_id, { id: next.id, title: next.title, status });
    }
    const dependents = this.store.dependencies.dependentsOf(task.id);
    const changes = yield* this.refresh(dependents, context);
    const warnings =
      task.status === 'completed'
        ? this.reopened({ ...next, id: task.id }, dependents, context)
        : [];
    const { store, emit, clock } = this;
    keepLeaseInStep({ store, emit, clock }, task, status, context, options);
    return { task: this.store.tasks.get(task.id)!, ...changes, warnings };
  }

  /** Adds "task waits for prerequisite" after checking it closes no cycle; false if it existed. */
  *addEdge(
    task: TaskRecord,
    prerequisite: TaskRecord,
    context: CallContext,
    reason?: string,
  ): Steps<boolean> {
    if (this.store.dependencies.exists(task.id, prerequisite.id)) return false;
    const cycle = findCycle(this.store, task.id, prerequisite.id);
    if (cycle) throw cycleError(this.store, cycle);
    this.store.dependencies.insert(task.id, prerequisite.id, this.clock.now());
    const bumped = this.bumpVersion(task);
    this.emit.dependencyAdded(context, bumped, prerequisite.id, this.flagsNow(bumped), reason);
    yield* this.refresh([task.id], context);
    return true;
  }

  /** Adds an edge known not to close a cycle (a deleted task's dependent takes its prerequisite). */
  relinkEdge(
    task: TaskRecord,
    prerequisite: number,
    context: CallContext,
    reason: string,
  ): boolean {
    if (!this.store.dependencies.insert(task.id, prerequisite, this.clock.now())) return false;
    const bumped = this.bumpVersion(task);
    this.emit.dependencyAdded(context, bumped, prerequisite, this.flagsNow(bumped), reason);
    return true;
  }

  /** Removes an edge; false when there was none. */
  *removeEdge(task: TaskRecord, prerequisiteId: number, context: CallContext): Steps<boolean> {
    if (!this.store.dependencies.remove(task.id, prerequisiteId)) return false;
    const bumped = this.bumpVersion(task);
    this.emit.dependencyRemoved(context, bumped, prerequisiteId, this.flagsNow(bumped));
    yield* this.refresh([task.id], context);
    return true;
  }

  /** A task's flags once its counters are brought up to date (without writing them). */
  private flagsNow(task: TaskRecord): Flags {
    const states = this.store.dependencies.prerequisiteStates(task.id);
    return flagsOf({
      status: task.status,
      unmet_dependencies: states.filter((p) => p.status !== 'completed').length,
      failed_prerequisites: states.filter(blocksDependents).length,
    });
  }

  /** Links a new task to its prerequisites and counts them (its creation event shows its state). */
  taskInserted(id: number, prerequisites: readonly TaskRecord[], context: CallContext): void {
    const now = this.clock.now();
    for (const prerequisite of prerequisites)
      this.store.dependencies.insert(id, prerequisite.id, now);
    this.refreshNow([id], context, { silent: true });
  }

  /** Links an imported task to its prerequisites; its counters were computed with countersOf. */
  importedEdges(id: number, prerequisites: readonly number[], at: string): void {
    for (const prerequisite of prerequisites) this.store.dependencies.insert(id, prerequisite, at);
  }

  /** After tasks were deleted: their surviving dependents lose those prerequisites. */
  *tasksDeleted(dependents: readonly number[], context: CallContext): Steps<DerivedChanges> {
    return yield* this.refresh(dependents, context);
  }

  /** Synchronous refresh for writes that touch a few tasks. */
  refreshNow(ids: Iterable<number>, context: CallContext, options: { silent?: boolean } = {}) {
    const steps = this.refresh(ids, context, options);
    for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
  }

  /**
   * Recomputes `ids`, and downstream wherever a task's "failed or waiting on a failure" flips,
   * a level at a time with a few statements per level, yielding after each level. A task is
   * recomputed again whenever one of its prerequisites flips after it was visited, so the
   * result does not depend on visiting order; one change flips tasks in one direction only, so
   * the walk ends. `silent` skips events, for a task whose own event shows its state.
   */
  *refresh(
    ids: Iterable<number>,
    context: CallContext,
    options: { silent?: boolean } = {},
  ): Steps<DerivedChanges> {
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
      yield latest.size;
      level = flipped.length > 0 ? this.store.dependencies.dependentsOfMany(flipped) : [];
    }
    const changes: DerivedChanges = { becameReady: [], nowWaitingOnFailed: [] };
    if (!options.silent) {
      this.emit.batch(() => {
        for (const [id, after] of latest) this.report(initial.get(id)!, after, changes, context);
      });
    }
    return changes;
  }

  /** The derived counters of a whole document's tasks, in an order where prerequisites come first. */
  countersOf<T extends { id: number; status: TaskStatus; dependencies: number[] }>(
    tasks: readonly T[],
    order: readonly number[],
  ): Map<number, { unmet: number; failed: number }> {
    const byId = new Map(tasks.map((task) => [task.id, task]));
    const counters = new Map<number, { unmet: number; failed: number }>();
    const blocks = (id: number) =>
      blocksDependents({
        status: byId.get(id)!.status,
        failed_prerequisites: counters.get(id)!.failed,
      });
    for (const id of order) {
      const prerequisites = byId.get(id)!.dependencies;
      counters.set(id, {
        unmet: prerequisites.filter((p) => byId.get(p)!.status !== 'completed').length,
        failed: prerequisites.filter(blocks).length,
      });
    }
    return counters;
  }

  /** Warns about, and records on each dependent, a completed prerequisite reopened under it. */
  private reopened(
    task: TaskRecord,
    dependents: readonly number[],
    context: CallContext,
  ): string[] {
    const ref = { id: task.id, title: task.title, status: task.status };
    const working: string[] = [];
    this.emit.batch(() => {
      for (const dependent of this.store.tasks.getMany(dependents)) {
        this.emit.prerequisiteReopened(context, dependent, ref, flagsOf(dependent));
        if (WORKING.includes(dependent.status))
          working.push(`#${dependent.id} "${dependent.title}" (${dependent.status})`);
      }
    });
    return working.length === 0
      ? []
      : [
          `#${task.id} was completed and is now ${task.status}, but ${working.join(', ')} already started on it; check that work.`,
        ];
  }

  /** The record after moving to `status`, with the timestamps and progress that go with it. */
  private withStatus(task: TaskRecord, status: TaskStatus): TaskRecord {
    const now = this.clock.now();
    const next: TaskRecord = { ...task, status, version: task.version + 1, updated_at: now };
    if (status === 'in_progress' && task.started_at === null) next.started_at = now;
    if (status === 'completed') {
      next.completed_at = now;
      next.progress = 100;
    } else {
      next.completed_at = null;
      if (task.status === 'completed') next.progress = 0;
    }
    if (status === 'pending') next.started_at = null;
    return next;
  }

  private moveFields(task: TaskRecord) {
    const { status, version, progress, started_at, completed_at, updated_at } = task;
    return { status, version, progress, started_at, completed_at, updated_at };
  }

  private bumpVersion(task: TaskRecord): TaskRecord {
    const next = { ...task, version: task.version + 1, updated_at: this.clock.now() };
    this.store.tasks.update(task.id, next);
    return next;
  }

  private report(
    before: DerivedRow,
    after: DerivedRow,
    changes: DerivedChanges,
    context: CallContext,
  ): void {
    const ref = { id: after.id, title: after.title, status: after.status };
    if (!isReady(before) && isReady(after)) {
      changes.becameReady.push(ref);
      this.emit.taskReady(context, after.project_id, ref);
      if (after.assignee) this.notifyReady(after, context);
    }
    const waitingBefore = isWaitingOnFailed(before);
    const waitingAfter = isWaitingOnFailed(after);
    if (!waitingBefore && waitingAfter) {
      changes.nowWaitingOnFailed.push(ref);
      this.emit.waitingOnFailed(
        context,
        after,
        before.failed_prerequisites,
        after.failed_prerequisites,
      );
    } else if (waitingBefore && !waitingAfter) {
      this.emit.failureCleared(
        context,
        after,
        before.failed_prerequisites,
        after.failed_prerequisites,
      );
    }
  }

  private notifyReady(task: DerivedRow, context: CallContext): void {
    notify({ store: this.store, emit: this.emit, clock: this.clock }, context, {
      task,
      recipient: task.assignee,
      kind: 'task.ready',
      message: `Task #${task.id} "${task.title}" is ready: every prerequisite is completed.`,
    });
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
