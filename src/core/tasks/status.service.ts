// Status changes through the status machine, with their cascade: completing a task readies its
// dependents, failing or cancelling one marks them as waiting on a failed prerequisite.
import { CoreService } from '../core-service.ts';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import {
  canTransition,
  legalNextStatuses,
  requiresCompletedPrerequisites,
} from '../../shared/tasks/status-machine.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { CallContext } from '../call-context.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { checkVersion, requireTask } from './task-errors.ts';
import { isReady, toTask } from './task-view.ts';

export class StatusService extends CoreService {
  setStatus(
    input: OperationArgs<'update_task_status'>,
    context: CallContext,
  ): OperationOutput<'update_task_status'> {
    const { store } = this;
    return store.write(() => {
      const current = requireTask(store, input.task_id);
      checkVersion(current, input.expected_version);
      if (current.status === input.status) {
        return {
          task: toTask(store, current),
          message: `Task ${current.id} is already ${current.status}; nothing changed.`,
          became_ready: [],
          now_waiting_on_failed: [],
        };
      }
      this.checkTransition(current, input.status);
      const next = this.withStatus(current, input.status);
      store.tasks.update(current.id, next);
      this.events.record(context, {
        type: 'task.status_changed',
        project_id: current.project_id,
        task_id: current.id,
        before: { status: current.status, version: current.version },
        after: { status: next.status, version: next.version },
      });
      if (!isReady(current) && isReady(next)) {
        this.events.record(context, {
          type: 'task.ready',
          project_id: current.project_id,
          task_id: current.id,
          after: { id: next.id, title: next.title, status: next.status },
        });
      }
      const changes = this.derived.refresh(store.dependencies.dependentsOf(current.id), context);
      return {
        task: toTask(store, store.tasks.get(current.id)!),
        message: this.describe(
          current,
          next.status,
          changes.becameReady.length,
          changes.nowWaitingOnFailed.length,
        ),
        became_ready: changes.becameReady,
        now_waiting_on_failed: changes.nowWaitingOnFailed,
      };
    });
  }

  private checkTransition(task: TaskRecord, status: TaskStatus): void {
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
          `Task ${task.id} cannot become ${status}: it depends on ${refs.map((r) => `#${r.id} "${r.title}" (${r.status})`).join(', ')}. Complete those first, or remove the dependency with remove_dependency.`,
          { task_id: task.id, waiting_for: refs },
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
    }
    if (status === 'pending') next.started_at = null;
    return next;
  }

  private describe(task: TaskRecord, status: TaskStatus, ready: number, waiting: number): string {
    const parts = [`Task ${task.id} moved from ${task.status} to ${status}.`];
    if (ready > 0) parts.push(`${ready} dependent task(s) became ready.`);
    if (waiting > 0) parts.push(`${waiting} dependent task(s) now wait on a failed prerequisite.`);
    return parts.join(' ');
  }
}
