// The person's side of review: list what waits, approve it (completed, through the usual status
// rules, so dependents become ready) or reject it with a reason that is delivered to the agent
// that submitted it.
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { ProjectService } from '../projects/project.service.ts';
import { decodeCursor, encodeCursor } from '../tasks/cursor.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { toTask } from '../tasks/task-view.ts';
import { Work } from '../work.ts';
import { agentName, GateNotices, label } from './gate-notices.ts';
import { gateOf, requireInReview, requirePerson } from './gates.ts';

export class ReviewService extends CoreService {
  private readonly projects: ProjectService;
  private readonly notices: GateNotices;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
    this.notices = new GateNotices(services);
  }

  list(input: OperationArgs<'list_reviews'>): OperationOutput<'list_reviews'> {
    return this.store.read(() => {
      const projectId =
        input.project_id === undefined ? null : this.projects.resolve(input.project_id).id;
      const after = input.cursor ? decodeCursor(input.cursor, ['after']).after : 0;
      const rows = this.store.gates.reviews({
        project_id: projectId,
        after,
        limit: input.limit + 1,
      });
      const more = rows.length > input.limit;
      const reviews = more ? rows.slice(0, input.limit) : rows;
      return {
        reviews,
        count: this.store.gates.reviewCount(projectId),
        next_cursor: more ? encodeCursor({ after: reviews.at(-1)!.id }) : null,
      };
    });
  }

  approve(
    input: OperationArgs<'approve_task'>,
    context: CallContext,
  ): Promise<OperationOutput<'approve_task'>> {
    requirePerson(context, 'approve a task');
    return this.store.writeAsync(async () => {
      const current = requireTask(this.store, input.task_id);
      requireInReview(current, 'approve');
      this.rules.checkMove(current, 'completed');
      const submittedBy = this.store.gates.submission(current.id)?.actor ?? null;
      const agent = agentName(submittedBy);
      const work = new Work(context, `completing #${current.id}`, 0);
      // the move ends the lease; the submitter hears of it in the approval notice below
      const change = await work.run(
        this.rules.moveStatus(current, 'completed', context, { toldAgent: agent }),
      );
      const task = change.task;
      const note = input.note ?? null;
      this.emit.taskApproved(context, task, {
        status: task.status,
        version: task.version,
        gate: gateOf(this.store, task),
        submitted_by: submittedBy,
        note,
      });
      if (agent) {
        this.notices.send(
          task,
          agent,
          'approved',
          `${label(task)} was approved by ${context.caller.name} and is completed${note ? `: ${note}` : '.'}`,
          context,
        );
      }
      const ready = change.becameReady.length;
      return {
        task: toTask(this.store, task),
        message: `Approved ${label(task)}: completed.${ready > 0 ? ` ${ready} dependent task(s) became ready.` : ''}`,
        became_ready: change.becameReady,
        now_waiting_on_failed: change.nowWaitingOnFailed,
        warnings: change.warnings,
      };
    });
  }

  reject(
    input: OperationArgs<'reject_task'>,
    context: CallContext,
  ): Promise<OperationOutput<'reject_task'>> {
    requirePerson(context, 'reject a task');
    return this.store.writeAsync(async () => {
      const current = requireTask(this.store, input.task_id);
      requireInReview(current, 'reject');
      this.rules.checkMove(current, 'in_progress');
      const submittedBy = this.store.gates.submission(current.id)?.actor ?? null;
      const work = new Work(context, `reopening #${current.id}`, 0);
      const task = (await work.run(this.rules.moveStatus(current, 'in_progress', context))).task;
      this.emit.taskRejected(context, task, {
        status: task.status,
        version: task.version,
        gate: gateOf(this.store, task),
        submitted_by: submittedBy,
        reason: input.reason,
      });
      // the agent that submitted it; else the one holding or assigned the task
      const recipient = agentName(submittedBy) ?? task.lease_holder ?? task.assignee;
      if (recipient) {
        this.notices.send(
          task,
          recipient,
          'rejected',
          `${label(task)} was rejected by ${context.caller.name} and is back in progress. Reason: ${input.reason}`,
          context,
        );
      }
      return {
        task: toTask(this.store, task),
        message: `Rejected ${label(task)}: back in progress; ${recipient ? `${recipient} was told why` : 'no agent submitted it, so the reason is kept with the task'}.`,
        notified: recipient,
      };
    });
  }
}
