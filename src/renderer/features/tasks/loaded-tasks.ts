// The tasks a page has loaded and the events it has applied to them. Each page was read at its
// own event (list_tasks' as_of_event) and covers an id range; an event changes the rows of a
// range only when it is newer than that range's read, so the rows always equal a fresh read.
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { insertRow, removeRow, updateRow } from './sorted-rows.ts';
import { patchTask, withoutDependency } from './task-patches.ts';

/** Tasks with ids above the previous range's `upTo` and up to this one, as of event `asOf`. */
interface Range {
  upTo: number;
  asOf: number;
}

export interface TaskPage {
  tasks: readonly Task[];
  count: number;
  next_cursor: string | null;
  as_of_event: number;
}

export class LoadedTasks {
  static readonly EMPTY = new LoadedTasks([], [], 0, 0);

  /** Tasks in id order. */
  readonly rows: readonly Task[];
  /** The project's task count, all pages included. */
  readonly count: number;
  private readonly ranges: readonly Range[];
  private readonly countAsOf: number;

  private constructor(
    rows: readonly Task[],
    ranges: readonly Range[],
    count: number,
    countAsOf: number,
  ) {
    this.rows = rows;
    this.ranges = ranges;
    this.count = count;
    this.countAsOf = countAsOf;
  }

  /** The largest id the loaded pages cover: Infinity once the last page is in, 0 before any. */
  get upTo(): number {
    return this.ranges.at(-1)?.upTo ?? 0;
  }

  /** Every event up to this id is reflected in the rows and the count. */
  get syncedTo(): number {
    return Math.min(this.countAsOf, ...this.ranges.map((range) => range.asOf));
  }

  /** With the next page appended (read after every page already in). */
  withPage(page: TaskPage): LoadedTasks {
    const from = this.upTo;
    const last = page.tasks.at(-1);
    const upTo = page.next_cursor === null || !last ? Infinity : last.id;
    const tasks = page.tasks.filter((task) => task.id > from);
    const range = { upTo, asOf: page.as_of_event };
    return new LoadedTasks(
      [...this.rows, ...tasks],
      [...this.ranges, range],
      page.count,
      page.as_of_event,
    );
  }

  /**
   * After one event of the feed (any project: every event moves the page's "as of" on), or
   * 'reload' when the event is a bulk change better read again.
   */
  apply(event: OrchestronEvent, projectId: number): LoadedTasks | 'reload' {
    if (event.project_id !== projectId) return this.advancedTo(event.id, this.rows, this.count);
    switch (event.type) {
      case 'project.imported':
        return 'reload';
      case 'task.created': {
        const task = event.after;
        const rows = this.changes(task.id, event.id) ? insertRow(this.rows, task) : this.rows;
        return this.advancedTo(event.id, rows, this.count + this.countDelta(event.id, 1));
      }
      case 'task.deleted':
        return this.deleted(event.before.id, event.id);
      default: {
        const id = event.task_id;
        const rows =
          id !== null && this.changes(id, event.id)
            ? updateRow(this.rows, id, (task) => patchTask(task, event))
            : this.rows;
        return this.advancedTo(event.id, rows, this.count);
      }
    }
  }

  private deleted(taskId: number, eventId: number): LoadedTasks {
    let rows = this.changes(taskId, eventId) ? removeRow(this.rows, taskId) : this.rows;
    if (rows.some((task) => task.dependencies.includes(taskId))) {
      rows = rows.map((task) =>
        this.changes(task.id, eventId) ? withoutDependency(task, taskId) : task,
      );
    }
    return this.advancedTo(eventId, rows, this.count + this.countDelta(eventId, -1));
  }

  /** Whether an event changes the loaded row (or would-be row) of this task id. */
  private changes(taskId: number, eventId: number): boolean {
    const range = this.ranges.find((candidate) => taskId <= candidate.upTo);
    return range !== undefined && eventId > range.asOf;
  }

  private countDelta(eventId: number, delta: number): number {
    return eventId > this.countAsOf ? delta : 0;
  }

  /**
   * Events arrive in id order, so once one is applied every range reflects all events up to
   * it; ranges then read "as of" the same event merge into one.
   */
  private advancedTo(eventId: number, rows: readonly Task[], count: number): LoadedTasks {
    const ranges: Range[] = [];
    for (const range of this.ranges) {
      const asOf = Math.max(range.asOf, eventId);
      const previous = ranges.at(-1);
      if (previous && previous.asOf === asOf) previous.upTo = range.upTo;
      else ranges.push({ upTo: range.upTo, asOf });
    }
    return new LoadedTasks(rows, ranges, count, Math.max(this.countAsOf, eventId));
  }
}
