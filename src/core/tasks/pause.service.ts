// A person's pause of a task: agents may not claim or change it until it is resumed, and are
// told who paused it and why. Pausing takes the task from whoever holds it (back to the ready
// set, where selection skips it while paused) and tells the holder.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { requirePerson } from '../agents/authorization.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import { LeaseLifecycle } from './lease-expiry.ts';
import { requireTask } from './task-errors.ts';
import { toTask } from './task-view.ts';

const FINISHED = new Set(['completed', 'cancelled']);

export class PauseService extends CoreService {
  private readonly leases: LeaseLifecycle;

  constructor(services: CoreServices, leases: LeaseLifecycle) {
    super(services);
    this.leases = leases;
  }

  pause(input: OperationArgs<'pause_task'>, context: CallContext): OperationOutput<'pause_task'> {
    requirePerson(context, 'pause a task');
    return this.store.write(() => {
      const task = requireTask(this.store, input.task_id);
      if (task.paused_at !== null) {
        return {
          task: toTask(this.store, task),
          message: `#${task.id} "${task.title}" is already paused by ${task.paused_by}: ${task.paused_reason}; nothing changed.`,
        };
      }
      if (FINISHED.has(task.status)) {
        throw new AppError(
          'VALIDATION',
          `#${task.id} "${task.title}" is ${task.status}; only unfinished tasks can be paused.`,
          { task_id: task.id, status: task.status },
        );
      }
      const now = this.clock.now();
      const lease = this.store.leases.get(task.id);
      if (lease) {
        this.store.leases.clear(task.id);
        this.leases.backToReady(task.id, lease.lease_holder, context);
      }
      this.store.leases.pause(task.id, now, context.caller.name, input.reason);
      const paused = this.store.tasks.get(task.id)!;
      this.emit.taskPaused(context, paused, {
        paused_at: now,
        paused_by: context.caller.name,
        reason: input.reason,
        released: lease?.lease_holder ?? null,
      });
      if (lease) {
        this.leases.notify(
          context,
          task,
          lease.lease_holder,
          'task_paused',
          `${context.caller.name} paused #${task.id} "${task.title}": ${input.reason}. Your lease on it ended; pick another task.`,
        );
      }
      const released = lease ? `; ${lease.lease_holder} no longer holds it` : '';
      return {
        task: toTask(this.store, paused),
        message: `Paused #${task.id} "${task.title}"${released}. Agents leave it alone until it is resumed.`,
      };
    });
  }

  resume(
    input: OperationArgs<'resume_task'>,
    context: CallContext,
  ): OperationOutput<'resume_task'> {
    requirePerson(context, 'resume a task');
    return this.store.write(() => {
      const task = requireTask(this.store, input.task_id);
      if (task.paused_at === null) {
        return {
          task: toTask(this.store, task),
          message: `#${task.id} "${task.title}" is not paused; nothing changed.`,
        };
      }
      this.store.leases.resume(task.id, this.clock.now());
      this.emit.taskResumed(context, task, {
        paused_at: task.paused_at,
        paused_by: task.paused_by ?? '',
        reason: task.paused_reason ?? '',
      });
      return {
        task: toTask(this.store, this.store.tasks.get(task.id)!),
        message: `Resumed #${task.id} "${task.title}"; agents may claim it again.`,
      };
    });
  }
}
