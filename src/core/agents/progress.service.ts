// Progress on a task: a reported percent with a note, or checkpoints from which the percent is
// derived (done / total, rounded) while the task has any; then a reported percent is ignored,
// the note kept, and the reply says so. Only a task being worked on takes progress.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import type { Checkpoint } from '../store/progress.repo.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { authorizeChange } from './authorization.ts';

type ProgressOutput = OperationOutput<'update_progress'>;

/** Where work happens: progress and steps are recorded on these only. */
const WORKING = new Set(['in_progress', 'needs_input', 'review']);
/** Closed tasks keep their plan as it was. */
const CLOSED = new Set(['completed', 'failed', 'cancelled']);

export function derivedPercent(steps: readonly Checkpoint[]): number {
  return Math.round((steps.filter((step) => step.done).length / steps.length) * 100);
}

/**
 * Refuses setting a task's percent directly while it has checkpoints: the percent is derived
 * from them then, and a direct value would disagree with the steps until the next one is checked.
 */
export function refuseProgressOverCheckpoints(
  store: Store,
  task: Pick<TaskRecord, 'id' | 'title' | 'progress'>,
  requested: number,
): void {
  const steps = store.progress.checkpoints(task.id);
  if (steps.length === 0) return;
  const done = steps.filter((step) => step.done).length;
  const next = steps.find((step) => !step.done);
  throw new AppError(
    'VALIDATION',
    `#${task.id} "${task.title}" has checkpoints (${done} of ${steps.length} steps done), so its progress is derived from them (${task.progress}%) and cannot be set to ${requested}% directly; nothing changed. Mark steps done, or change or remove the steps, and the progress follows.`,
    { task_id: task.id, progress: task.progress, requested, steps: steps.map((s) => s.name) },
    [
      {
        action: next ? `mark "${next.name}" done` : 'mark a step not done',
        operation: 'check_step',
        input: next
          ? { task_id: task.id, step: next.name }
          : { task_id: task.id, step: steps.at(-1)!.name, done: false },
      },
      {
        action: 'change or remove the steps',
        operation: 'set_checkpoints',
        input: { task_id: task.id, steps: steps.map((s) => s.name) },
      },
    ],
  );
}

/** A cancelled task reopens to pending; any other one can go straight back to work. */
function reopenHint(task: TaskRecord, action: string) {
  const status = task.status === 'cancelled' ? 'pending' : 'in_progress';
  return { action, operation: 'update_task_status', input: { task_id: task.id, status } };
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

export class ProgressService extends CoreService {
  update(input: OperationArgs<'update_progress'>, context: CallContext): ProgressOutput {
    return this.store.write(() => {
      const task = this.workingTask(input.task_id, context);
      const steps = this.store.progress.checkpoints(task.id);
      const derived = steps.length > 0 ? derivedPercent(steps) : null;
      const percent = derived ?? input.percent ?? task.progress;
      const now = this.clock.now();
      if (percent !== task.progress) this.store.progress.setProgress(task.id, percent, now);
      const note = input.note ?? null;
      this.store.progress.addNote(task.id, { percent, note, actor: context.actor, at: now });
      const version = this.store.tasks.get(task.id)!.version;
      this.emit.taskProgress(
        context,
        task,
        { progress: task.progress, version: task.version },
        {
          progress: percent,
          version,
          note,
          source: derived === null ? 'reported' : 'checkpoints',
          updated_at: now,
        },
      );
      const ignored =
        derived !== null && input.percent !== undefined && input.percent !== derived
          ? ` The ${input.percent}% you sent was ignored: the task has checkpoints, so its progress is ${derived}% (${steps.filter((s) => s.done).length} of ${steps.length} steps done); mark steps done instead.`
          : '';
      return this.output(
        task,
        percent,
        steps,
        `#${task.id} ${task.title}: ${percent}%${note ? ` — ${note}` : ''}.${ignored}`,
      );
    });
  }

  setCheckpoints(input: OperationArgs<'set_checkpoints'>, context: CallContext): ProgressOutput {
    return this.store.write(() => {
      const task = requireTask(this.store, input.task_id);
      this.checkOpen(task, 'its steps changed');
      authorizeChange(this.store, task, context, this.clock.now());
      const before = this.store.progress.checkpoints(task.id);
      const now = this.clock.now();
      const next = this.planSteps(input.steps, before, now);
      if (JSON.stringify(next) === JSON.stringify(before)) {
        return this.output(
          task,
          task.progress,
          before,
          `#${task.id} ${task.title}: the checkpoints were already these; nothing changed.`,
        );
      }
      this.store.progress.replaceCheckpoints(task.id, next);
      const percent = next.length > 0 ? derivedPercent(next) : task.progress;
      const message =
        next.length > 0
          ? `#${task.id} ${task.title}: ${next.length} checkpoint(s), ${next.filter((s) => s.done).length} done; progress ${percent}%.`
          : `#${task.id} ${task.title}: checkpoints removed; progress stays ${percent}% and is reported directly again.`;
      return this.changed(task, before, next, percent, context, message);
    });
  }

  checkStep(input: OperationArgs<'check_step'>, context: CallContext): ProgressOutput {
    return this.store.write(() => {
      const task = this.workingTask(input.task_id, context);
      const before = this.store.progress.checkpoints(task.id);
      const step = this.findStep(task, before, input.step);
      if (step.done === input.done) {
        return this.output(
          task,
          task.progress,
          before,
          `#${task.id} step ${step.position} "${step.name}" was already ${input.done ? 'done' : 'not done'}; nothing changed.`,
        );
      }
      const doneAt = input.done ? this.clock.now() : null;
      this.store.progress.markCheckpoint(task.id, step.position, doneAt);
      const next = before.map((s) =>
        s.position === step.position ? { ...s, done: input.done, done_at: doneAt } : s,
      );
      const percent = derivedPercent(next);
      const message = `#${task.id} step ${step.position} "${step.name}" ${input.done ? 'done' : 'not done'}; progress ${percent}% (${next.filter((s) => s.done).length} of ${next.length}).`;
      return this.changed(task, before, next, percent, context, message);
    });
  }

  /** Writes the new percent (bumping the task's version: its plan changed) and the event. */
  private changed(
    task: TaskRecord,
    before: Checkpoint[],
    next: Checkpoint[],
    percent: number,
    context: CallContext,
    message: string,
  ): ProgressOutput {
    this.store.progress.setProgress(task.id, percent, this.clock.now());
    const version = this.store.tasks.get(task.id)!.version;
    this.emit.checkpointsChanged(
      context,
      task,
      { steps: before },
      { steps: next, progress: percent, version },
    );
    return this.output(task, percent, next, message);
  }

  /**
   * The new list in order. A step keeps its done flag and time from the old list when the new
   * one does not say, or says the same.
   */
  private planSteps(
    steps: OperationArgs<'set_checkpoints'>['steps'],
    before: readonly Checkpoint[],
    now: string,
  ): Checkpoint[] {
    const planned = steps.map((step) =>
      typeof step === 'string' ? { name: step, done: undefined } : step,
    );
    planned.forEach((step, index) => {
      const twin = planned.findIndex((other) => sameName(other.name, step.name));
      if (twin !== index) {
        throw new AppError(
          'VALIDATION',
          `Step names must differ (ignoring case): "${step.name}" is both step ${twin + 1} and step ${index + 1}. Rename one.`,
          { name: step.name, positions: [twin + 1, index + 1] },
        );
      }
    });
    return planned.map((step, index) => {
      const old = before.find((s) => sameName(s.name, step.name));
      const done = step.done ?? old?.done ?? false;
      const doneAt = done ? (old?.done ? old.done_at : now) : null;
      return { position: index + 1, name: step.name, done, done_at: doneAt };
    });
  }

  private findStep(
    task: TaskRecord,
    steps: readonly Checkpoint[],
    step: number | string,
  ): Checkpoint {
    if (steps.length === 0) {
      throw new AppError(
        'NOT_FOUND',
        `#${task.id} "${task.title}" has no checkpoints to check. Set its steps first, or report a percent.`,
        { task_id: task.id },
        [
          {
            action: 'set its steps',
            operation: 'set_checkpoints',
            input: { task_id: task.id, steps: [] },
          },
          { action: 'report a percent', operation: 'update_progress', input: { task_id: task.id } },
        ],
      );
    }
    const found =
      typeof step === 'number' ? steps[step - 1] : steps.find((s) => sameName(s.name, step));
    if (found) return found;
    const list = steps.map((s) => `${s.position}. ${s.name}`).join('; ');
    throw new AppError(
      'NOT_FOUND',
      `#${task.id} has no step ${typeof step === 'number' ? step : `"${step}"`}. Its steps: ${list}.`,
      { task_id: task.id, step, steps: steps.map((s) => s.name) },
    );
  }

  /** The task, if it is being worked on and the caller may change it. */
  private workingTask(id: number, context: CallContext): TaskRecord {
    const task = requireTask(this.store, id);
    if (WORKING.has(task.status)) {
      authorizeChange(this.store, task, context, this.clock.now());
      return task;
    }
    const closed = CLOSED.has(task.status);
    throw new AppError(
      'VALIDATION',
      `#${task.id} "${task.title}" is ${task.status}; progress is recorded only on a task being worked on (in_progress, needs_input or review). ${closed ? 'Reopen it first if work on it continues.' : 'Start it first.'}`,
      { task_id: task.id, status: task.status },
      [reopenHint(task, closed ? 'reopen it' : 'start it')],
    );
  }

  private checkOpen(task: TaskRecord, what: string): void {
    if (!CLOSED.has(task.status)) return;
    throw new AppError(
      'VALIDATION',
      `#${task.id} "${task.title}" is ${task.status}; a closed task cannot have ${what}. Reopen it first.`,
      { task_id: task.id, status: task.status },
      [reopenHint(task, 'reopen it')],
    );
  }

  private output(
    task: TaskRecord,
    percent: number,
    steps: Checkpoint[],
    message: string,
  ): ProgressOutput {
    return {
      task_id: task.id,
      progress: percent,
      source: steps.length > 0 ? 'checkpoints' : 'reported',
      checkpoints: steps,
      message,
    };
  }
}
