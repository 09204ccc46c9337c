// Questions an agent asks the person. Asking parks the task in needs_input (remembering where it
// was) and puts the question in the person's inbox; answering or cancelling the last open
// question on a task puts it back and tells the agent. Waiting is a long-poll (intervention-wait).
import { AppError } from '../../shared/errors.ts';
import { formatTicket, type Intervention } from '../../shared/operations/interventions.ops.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { TaskRef } from '../../shared/tasks/task.schema.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { ProjectService } from '../projects/project.service.ts';
import type { InterventionRecord, InterventionsRepo } from '../store/interventions.repo.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { decodeCursor, encodeCursor } from '../tasks/cursor.ts';
import { runSteps } from '../tasks/lease-expiry.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { InterventionNotices } from './intervention-notices.ts';
import {
  answerLine,
  asker,
  chooseOption,
  closedError,
  describe,
  notFound,
  oneLine,
} from './intervention-text.ts';
import { waitFor, type Wakeup } from './intervention-wait.ts';

type Outcome = OperationOutput<'answer_intervention'>;

/** Statuses a question cannot be about: the work is over. */
const FINISHED: readonly TaskStatus[] = ['completed', 'cancelled'];

/** What callers see of a stored question. */
function publicView(record: InterventionRecord): Intervention {
  const { id: _id, notification_id: _notification, ...view } = record;
  return view;
}

function refOf(task: Pick<TaskRecord, 'id' | 'title' | 'status'>): TaskRef {
  return { id: task.id, title: task.title, status: task.status };
}

export class InterventionService extends CoreService {
  private readonly projects: ProjectService;
  private readonly repo: InterventionsRepo;
  private readonly wakeup: Wakeup;
  private readonly notices: InterventionNotices;

  constructor(
    services: CoreServices,
    projects: ProjectService,
    repo: InterventionsRepo,
    wakeup: Wakeup,
  ) {
    super(services);
    this.projects = projects;
    this.repo = repo;
    this.wakeup = wakeup;
    this.notices = new InterventionNotices(services, repo);
  }

  request(
    input: OperationArgs<'request_intervention'>,
    context: CallContext,
  ): OperationOutput<'request_intervention'> {
    return this.store.write(() => {
      const task = requireTask(this.store, input.task_id);
      this.checkAskable(task);
      const open = this.repo.openOnTask(task.id);
      let current = task;
      let previous: TaskStatus | null = null;
      if (task.status === 'in_progress') {
        this.rules.checkMove(task, 'needs_input');
        current = runSteps(this.rules.moveStatus(task, 'needs_input', context)).task;
        previous = 'in_progress';
      } else if (task.status === 'needs_input') {
        // already waiting (on another question, or set by hand): keep where it came from
        previous = open[0]?.previous_status ?? 'in_progress';
      }
      const id = this.repo.insert({
        project_id: task.project_id,
        task_id: task.id,
        kind: input.kind,
        question: input.question,
        options: input.options ?? null,
        urgency: input.urgency,
        asked_by: context.actor,
        agent: context.caller.kind === 'agent' ? context.caller.name : null,
        previous_status: previous,
        created_at: this.clock.now(),
      });
      const record = this.repo.get(id)!;
      this.emit.interventionRequested(context, publicView(record));
      this.notices.asked(record, task.title, context);
      const where =
        current.status === 'needs_input'
          ? `task #${task.id} waits in needs_input until the person answers`
          : `task #${task.id} stays ${current.status} (only a task in progress moves to needs_input)`;
      return {
        ticket: record.ticket,
        status: 'open',
        task: refOf(current),
        message: `Asked the person (${record.ticket}, ${record.urgency} urgency); ${where}.`,
      };
    });
  }

  get(input: OperationArgs<'get_intervention'>, context: CallContext): Outcome {
    const record = this.store.read(() => this.require(input.ticket));
    this.delivered(record, context);
    return this.store.read(() => this.outcome(record, describe(record)));
  }

  /** Marks the asking agent's reply notification read once it has the answer (bookkeeping). */
  private delivered(record: InterventionRecord, context: CallContext): void {
    // never inside another call's open transaction: a wait runs beside the others
    if (this.store.inTransaction) return;
    this.store.write(() => this.notices.delivered(record, context));
  }

  async wait(
    input: OperationArgs<'wait_for_intervention'>,
    context: CallContext,
  ): Promise<OperationOutput<'wait_for_intervention'>> {
    const ticket = formatTicket(input.ticket);
    const phase = `waiting for the answer to ${ticket}`;
    const { record, task } = await waitFor(
      this.store,
      this.wakeup,
      input.timeout_s,
      context,
      phase,
      (final) => {
        const found = this.require(input.ticket);
        if (found.status === 'open' && !final) return null;
        return { record: found, task: this.taskRef(found.task_id) };
      },
    );
    this.delivered(record, context);
    return {
      ticket,
      status: record.status,
      answer: record.answer,
      chosen_option: record.chosen_option,
      answered_by: record.answered_by,
      cancel_reason: record.cancel_reason,
      task,
      message: record.status === 'open' ? `${ticket} is still open; call again.` : describe(record),
    };
  }

  answer(input: OperationArgs<'answer_intervention'>, context: CallContext): Outcome {
    if (context.caller.kind === 'agent') {
      throw new AppError(
        'FORBIDDEN',
        `Only a person answers questions, and you are agent ${context.caller.name}. Wait for the person's answer instead.`,
        { ticket: formatTicket(input.ticket) },
        [
          {
            action: 'wait for the answer',
            operation: 'wait_for_intervention',
            input: { ticket: formatTicket(input.ticket) },
          },
        ],
      );
    }
    const outcome = this.store.write(() => {
      const record = this.require(input.ticket);
      if (record.status !== 'open') throw closedError(record, 'answer');
      const chosen = chooseOption(record, input.option);
      this.repo.close(record.id, {
        status: 'answered',
        answer: input.answer ?? null,
        chosen_option: chosen,
        cancel_reason: null,
        answered_by: context.actor,
        answered_at: this.clock.now(),
      });
      const closed = this.repo.get(record.id)!;
      this.emit.interventionAnswered(context, publicView(closed));
      const restored = this.restore(closed, context);
      const answered = `answered by ${context.actor}: ${answerLine(closed)}`;
      this.notices.toAgent(closed, 'answered', answered, context);
      this.notices.closed(closed, context);
      return this.outcome(closed, `Answered ${closed.ticket}; ${restored}.`);
    });
    this.wakeup.wakeAll();
    return outcome;
  }

  cancel(input: OperationArgs<'cancel_intervention'>, context: CallContext): Outcome {
    const outcome = this.store.write(() => {
      const record = this.require(input.ticket);
      const { caller } = context;
      if (caller.kind === 'agent' && record.agent !== caller.name) {
        throw new AppError(
          'FORBIDDEN',
          `${record.ticket} was asked by ${asker(record)}; only that agent or a person can cancel it.`,
          { ticket: record.ticket, asked_by: record.asked_by },
        );
      }
      if (record.status === 'cancelled')
        return this.outcome(record, `${record.ticket} was already cancelled; nothing changed.`);
      if (record.status === 'answered') throw closedError(record, 'cancel');
      this.repo.close(record.id, {
        status: 'cancelled',
        answer: null,
        chosen_option: null,
        cancel_reason: input.reason ?? null,
        answered_by: context.actor,
        answered_at: this.clock.now(),
      });
      const closed = this.repo.get(record.id)!;
      this.emit.interventionCancelled(context, publicView(closed));
      const restored = this.restore(closed, context);
      if (!(caller.kind === 'agent' && caller.name === closed.agent)) {
        const why = input.reason ? `: ${input.reason}` : '';
        const cancelled = `cancelled by ${context.actor}${why}`;
        this.notices.toAgent(closed, 'question_cancelled', cancelled, context);
      }
      this.notices.closed(closed, context);
      return this.outcome(closed, `Cancelled ${closed.ticket}; ${restored}.`);
    });
    this.wakeup.wakeAll();
    return outcome;
  }

  list(input: OperationArgs<'list_interventions'>): OperationOutput<'list_interventions'> {
    return this.store.read(() => {
      const offset = input.cursor ? decodeCursor(input.cursor, ['offset']).offset : 0;
      const query = {
        status: input.status === 'all' ? null : input.status,
        project_id:
          input.project_id === undefined ? null : this.projects.resolve(input.project_id).id,
        task_id: input.task_id ?? null,
        order: input.order,
        limit: input.limit,
        offset,
      };
      const rows = this.repo.page(query);
      const count = this.repo.count(query);
      const end = offset + rows.length;
      return {
        interventions: rows.map((row) => ({
          ticket: row.ticket,
          task_id: row.task_id,
          kind: row.kind,
          urgency: row.urgency,
          status: row.status,
          asked_by: asker(row),
          question: oneLine(row.question),
          answered_by: row.answered_by,
          created_at: row.created_at,
          options: row.options?.length ?? 0,
        })),
        count,
        next_cursor: end < count ? encodeCursor({ offset: end }) : null,
      };
    });
  }

  private require(id: number): InterventionRecord {
    const record = this.repo.get(id);
    if (!record) throw notFound(formatTicket(id));
    return record;
  }

  private taskRef(id: number): TaskRef {
    return this.store.tasks.refs([id])[0]!;
  }

  private outcome(record: InterventionRecord, message: string): Outcome {
    return { intervention: publicView(record), task: this.taskRef(record.task_id), message };
  }

  /**
   * Refuses a question about finished work. (A task another agent holds, or a person paused, the
   * call pipeline's claims rules refuse before this runs.)
   */
  private checkAskable(task: TaskRecord): void {
    if (FINISHED.includes(task.status)) {
      throw new AppError(
        'CONFLICT',
        `Task #${task.id} is ${task.status}; questions are about open work. Reopen it first, or ask about the task you are working on.`,
        { task_id: task.id, status: task.status },
      );
    }
  }

  /**
   * Once the last open question on the task closes, moves it back from needs_input to where it
   * was; to pending when that is no longer allowed (a prerequisite was reopened meanwhile).
   * Returns what happened to the task, for the message.
   */
  private restore(record: InterventionRecord, context: CallContext): string {
    const task = this.store.tasks.get(record.task_id)!;
    const others = this.repo.openOnTask(task.id);
    if (others.length > 0) {
      const tickets = others.map((other) => other.ticket).join(', ');
      return `task #${task.id} stays ${task.status}: it still waits on ${tickets}`;
    }
    if (task.status !== 'needs_input' || record.previous_status === null)
      return `task #${task.id} is ${task.status}`;
    let target = record.previous_status;
    let note = '';
    try {
      this.rules.checkMove(task, target);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      note = ` (not ${target}: ${error.message})`;
      target = 'pending';
    }
    runSteps(this.rules.moveStatus(task, target, context));
    return `task #${task.id} is ${target} again${note}`;
  }
}
