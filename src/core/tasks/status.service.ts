// Status changes through the graph rules, with their cascade: completing a task readies its
// dependents, failing or cancelling one marks them as waiting on a failed prerequisite, and
// reopening a completed one warns about dependents already at work.
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import { authorizeChange } from '../agents/authorization.ts';
import { checkLeavingReview, stopsAtReview } from '../agents/gates.ts';
import { ReviewSubmission } from '../agents/review-submission.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { Work } from '../work.ts';
import { checkVersion, requireTask } from './task-errors.ts';
import { toTask } from './task-view.ts';

export class StatusService extends CoreService {
  /** An agent's completion of a gated task goes to review instead. */
  private readonly review = new ReviewSubmission({
    store: this.store,
    emit: this.emit,
    clock: this.clock,
    rules: this.rules,
  });

  setStatus(
    input: OperationArgs<'update_task_status'>,
    context: CallContext,
  ): Promise<OperationOutput<'update_task_status'>> {
    const { store } = this;
    return store.writeAsync(async () => {
      const current = requireTask(store, input.task_id);
      checkVersion(current, input.expected_version);
      authorizeChange(store, current, context, this.clock.now());
      checkLeavingReview(current, input.status, context);
      if (current.status === input.status) {
        return {
          task: toTask(store, current),
          message: `Task ${current.id} is already ${current.status}; nothing changed.`,
          became_ready: [],
          now_waiting_on_failed: [],
          warnings: [],
        };
      }
      this.rules.checkMove(current, input.status);
      const stop = stopsAtReview(store, current, input.status, context);
      if (stop) return this.review.submit(current, input.status, stop, context);
      const work = new Work(context, `updating the tasks after #${current.id}`, 0);
      const change = await work.run(this.rules.moveStatus(current, input.status, context));
      return {
        task: toTask(store, change.task),
        message: describe(
          current,
          input.status,
          change.becameReady.length,
          change.nowWaitingOnFailed.length,
        ),
        became_ready: change.becameReady,
        now_waiting_on_failed: change.nowWaitingOnFailed,
        warnings: change.warnings,
      };
    });
  }
}

function describe(task: TaskRecord, status: TaskStatus, ready: number, waiting: number): string {
  const parts = [`Task ${task.id} moved from ${task.status} to ${status}.`];
  if (ready > 0) parts.push(`${ready} dependent task(s) became ready.`);
  if (waiting > 0) parts.push(`${waiting} dependent task(s) now wait on a failed prerequisite.`);
  return parts.join(' ');
}
