// Handoff and resume (seed 003): prepare_handoff sums up a task for whoever picks it up next
// (steps from checkpoints or the saved context, decisions, open questions, progress notes,
// artifacts) and keeps that record; resume_work finds an agent's unfinished task with them.
import { AppError } from '../../shared/errors.ts';
import type { Handoff } from '../../shared/operations/handoff.ops.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { actorOf, type CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import { UNFINISHED } from '../store/agent-work.repo.ts';
import type { HandoffRow } from '../store/contexts.repo.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { authorizeChange } from './authorization.ts';
import { ownerOf, toSavedContext, type SavedContext } from './context.service.ts';
import { workDetails } from './work-details.ts';

/** Bounds a handoff so it stays a short read: items per list, characters per item. */
const MAX_ITEMS = 30;
const MAX_TEXT = 400;
const PROGRESS_NOTES = 5;
const RECENT_TASKS = 5;

type TaskSummary = Handoff['task'];

/** At most `max` characters, never splitting a surrogate pair, marked with … when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end)}…`;
}

function summary(task: TaskRecord): TaskSummary {
  const { id, title, status, priority, progress, assignee } = task;
  return { id, title, status, priority, progress, assignee };
}

/** A context's field as a list of short texts: arrays item by item, objects as "key: value". */
function texts(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value)
    ? value
    : typeof value === 'object'
      ? Object.entries(value).map(
          ([key, item]) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`,
        )
      : [value];
  return items
    .slice(0, MAX_ITEMS)
    .map((item) => shorten(typeof item === 'string' ? item : JSON.stringify(item), MAX_TEXT));
}

/** The first of these fields the context has (seed 003 spells them in camelCase). */
function field(context: unknown, ...names: string[]): string[] {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return [];
  const record = context as Record<string, unknown>;
  const name = names.find((candidate) => record[candidate] !== undefined);
  return name ? texts(record[name]) : [];
}

function toHandoff(row: HandoffRow): Handoff {
  return { ...(JSON.parse(row.document) as Omit<Handoff, 'id'>), id: row.id };
}

export class HandoffService extends CoreService {
  prepare(
    input: OperationArgs<'prepare_handoff'>,
    context: CallContext,
  ): OperationOutput<'prepare_handoff'> {
    return this.store.write(() => {
      const owner = ownerOf(context);
      const task =
        input.task_id === undefined
          ? this.requireUnfinished(owner)
          : requireTask(this.store, input.task_id);
      // checked inside the write: another process may have claimed or paused it meanwhile
      authorizeChange(this.store, task, context, this.clock.now());
      const saved = this.latestContext(task.id, owner);
      const document = this.compose(task, saved, input.note ?? null, context);
      const id = this.store.contexts.addHandoff({
        task_id: task.id,
        owner,
        document: JSON.stringify(document),
        prepared_by: context.actor,
        prepared_at: document.prepared_at,
      });
      this.emit.handoffPrepared(context, task, {
        handoff_id: id,
        owner,
        next_steps: document.next_steps,
      });
      const next = document.next_steps[0];
      return {
        handoff: { ...document, id },
        message: `Handoff ${id} for #${task.id} ${task.title} (${task.status}, ${task.progress}%) kept for whoever resumes it${next ? `; next: ${next}` : ''}.`,
      };
    });
  }

  resume(
    input: OperationArgs<'resume_work'>,
    context: CallContext,
  ): OperationOutput<'resume_work'> {
    return this.store.read(() => {
      const agent = input.agent ?? ownerOf(context);
      const found = this.store.agentWork.unfinishedOf(agent);
      if (found) {
        const task = this.store.tasks.get(found.id)!;
        const handoffRow = this.store.contexts.latestHandoff(task.id);
        const handoff = handoffRow ? toHandoff(handoffRow) : null;
        const next = handoff?.next_steps[0];
        const others =
          found.count > 1
            ? ` ${found.count - 1} other unfinished task(s) are assigned to ${agent} too.`
            : '';
        return {
          agent,
          task: summary(task),
          context: this.latestContext(task.id, agent),
          handoff,
          recent: [],
          message: `Continue #${task.id} ${task.title} (${task.status}, ${task.progress}%) where ${agent} left off${next ? `; next: ${next}` : ''}.${others}`,
        };
      }
      const self = agent === ownerOf(context);
      const kind = input.agent !== undefined ? 'agent' : context.caller.kind;
      const recent = this.store.agentWork.touchedBy(actorOf({ kind, name: agent }), RECENT_TASKS);
      const general =
        self || context.caller.kind !== 'agent'
          ? this.store.contexts.latest(agent, null)
          : undefined;
      const last = recent[0];
      return {
        agent,
        task: null,
        context: general ? toSavedContext(general) : null,
        handoff: null,
        recent,
        message: `Nothing unfinished for ${agent}: no task in ${UNFINISHED.join(', ')} is assigned to or claimed by it.${last ? ` Last touched: #${last.id} ${last.title} (${last.status}) at ${last.at}.` : ' It has no recorded activity.'}`,
      };
    });
  }

  private compose(
    task: TaskRecord,
    saved: SavedContext | null,
    note: string | null,
    context: CallContext,
  ): Omit<Handoff, 'id'> {
    const steps = this.store.progress.checkpoints(task.id);
    const data = saved?.context;
    const answered = this.store.agentWork
      .answeredQuestions(task.id, MAX_ITEMS)
      .map((q) => shorten(`${q.question} → ${q.answer ?? q.chosen_option ?? ''}`, MAX_TEXT));
    const asked = this.store.agentWork
      .openQuestions(task.id, MAX_ITEMS)
      .map((q) => shorten(`${q.question} (asked the person, waiting)`, MAX_TEXT));
    return {
      task: summary(task),
      note,
      completed_steps:
        steps.length > 0
          ? steps.filter((s) => s.done).map((s) => s.name)
          : field(data, 'completed_steps', 'completedSteps'),
      next_steps:
        steps.length > 0
          ? steps.filter((s) => !s.done).map((s) => s.name)
          : field(data, 'next_steps', 'nextSteps'),
      decisions: [
        ...field(data, 'decisions', 'critical_decisions', 'criticalDecisions'),
        ...answered,
      ].slice(0, MAX_ITEMS),
      open_questions: [...field(data, 'open_questions', 'openQuestions'), ...asked].slice(
        0,
        MAX_ITEMS,
      ),
      progress_notes: this.store.progress.latestNotes(task.id, PROGRESS_NOTES),
      artifacts: workDetails(this.store, task.id).artifacts,
      context_saved_at: saved?.saved_at ?? null,
      prepared_by: context.actor,
      prepared_at: this.clock.now(),
    };
  }

  /** The agent's own latest context on the task, else the latest anyone saved on it. */
  private latestContext(taskId: number, owner: string): SavedContext | null {
    const row =
      this.store.contexts.latest(owner, taskId) ?? this.store.contexts.latestOnTask(taskId);
    return row ? toSavedContext(row) : null;
  }

  private requireUnfinished(owner: string): TaskRecord {
    const found = this.store.agentWork.unfinishedOf(owner);
    if (found) return this.store.tasks.get(found.id)!;
    throw new AppError(
      'NOT_FOUND',
      `${owner} has no unfinished task (none in ${UNFINISHED.join(', ')} is assigned to or claimed by it). Name the task to hand off.`,
      { agent: owner },
      [{ action: 'find the task', operation: 'list_tasks', input: { status: 'in_progress' } }],
    );
  }
}
