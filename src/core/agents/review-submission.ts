// An agent's completion of a gated task (or its own request for review) ends in review: the task
// waits there for a person, who is asked and notified, and the agent is told so plainly.
import type { OperationOutput } from '../../shared/operations/registry.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { toTask } from '../tasks/task-view.ts';
import { Work } from '../work.ts';
import { GateNotices, label } from './gate-notices.ts';
import type { GateSource, ReviewStop } from './gates.ts';

export class ReviewSubmission extends CoreService {
  private readonly notices: GateNotices;

  constructor(services: CoreServices) {
    super(services);
    this.notices = new GateNotices(services);
  }

  /**
   * An agent's move that ends in review (inside the caller's write): a pending task is started
   * first, since only started work goes to review; the person is asked and notified.
   */
  async submit(
    current: TaskRecord,
    requested: TaskStatus,
    stop: ReviewStop,
    context: CallContext,
  ): Promise<OperationOutput<'update_task_status'>> {
    const work = new Work(context, `submitting #${current.id} for review`, 0);
    let task = current;
    if (task.status === 'pending')
      task = (await work.run(this.rules.moveStatus(task, 'in_progress', context))).task;
    this.rules.checkMove(task, 'review');
    const change = await work.run(this.rules.moveStatus(task, 'review', context));
    const after = change.task;
    this.emit.reviewRequested(context, after, {
      status: after.status,
      version: after.version,
      gate: stop.gate,
      submitted_by: context.actor,
      requested,
    });
    const why = this.gateReason(after, stop.gate);
    this.notices.send(
      after,
      null,
      'review_requested',
      `${context.caller.name} asks for approval of ${label(after)}${why ? ` (${why})` : ''}.`,
      context,
    );
    const waiting = `#${after.id} is waiting for a person's approval; you will be notified when it is approved or rejected.`;
    const moved = `Task ${after.id} moved from ${current.status} to review`;
    return {
      task: toTask(this.store, after),
      message:
        requested === 'completed'
          ? `${moved}, not completed: ${why}. ${waiting}`
          : `${moved}. ${waiting}`,
      became_ready: change.becameReady,
      now_waiting_on_failed: change.nowWaitingOnFailed,
      warnings:
        requested === 'completed'
          ? [
              `#${after.id} is not completed yet: it waits in review for a person's approval (${why}).`,
            ]
          : [],
    };
  }

  /** Why the gate holds the task, in words: its own flag, or its project's. */
  private gateReason(task: TaskRecord, gate: GateSource | null): string {
    if (gate === 'task') return "the task requires a person's approval";
    if (gate === 'project') {
      const project = this.store.projects.get(task.project_id)?.name ?? task.project_id;
      return `project "${project}" requires a person's approval for every task`;
    }
    return '';
  }
}
