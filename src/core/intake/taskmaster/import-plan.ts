// A Task Master file as the tasks to create: every task and subtask flattened in file order
// (a parent before its subtasks), fields in our terms, and dependencies resolved to positions
// in that list following Task Master's notation: in a task, "5" is task 5 and "3.2" subtask 2 of
// task 3; in a subtask, a plain id is a sibling when one has it, else a task. Pure: no database.
import type { TaskStatus } from '../../../shared/tasks/task-fields.ts';
import { ImportNotes } from './import-notes.ts';
import { dependencyOrder } from './plan-order.ts';
import type { RawSubtask, TaskMasterFile, TaskMasterTag } from './taskmaster-file.ts';
import { plannedFields, type PlannedFields } from './planned-fields.ts';

export interface PlannedTask extends PlannedFields {
  /** Task Master's id: "3", "3.2"; "tag/3.2" when the import takes several tags. */
  label: string;
  /** Position of the parent in the plan, for a subtask. */
  parent: number | null;
  /** Positions of the tasks it waits for. */
  dependencies: number[];
}

export interface PlannedTag {
  name: string | null;
  /** Position of its first task in the plan. */
  first: number;
  tasks: number;
  subtasks: number;
}

export interface ImportPlan {
  tasks: PlannedTask[];
  /** Positions in an order where everything a task waits for comes before it. */
  order: number[];
  tags: PlannedTag[];
  warnings: string[];
}

/** Where one tag's ids lead: its tasks by id, and each task's subtasks by local id. */
interface TagIndex {
  tasks: Map<string, number>;
  subtasks: Map<number, Map<string, number>>;
}

/** Raw dependency lists, kept until every id of the tag is known. */
type PendingRefs = { at: number; refs: (string | number)[]; parent: number | null }[];

/** Ids as keys: 5, "5" and " 5 " are the same task; "05" too. */
export function idKey(id: string | number): string {
  const text = String(id).trim();
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}

export interface PlanOptions {
  now: string;
  /** Drop one dependency per cycle (with a warning) instead of failing. */
  breakCycles: boolean;
}

export function planImport(file: TaskMasterFile, options: PlanOptions): ImportPlan {
  const notes = new ImportNotes();
  for (const key of file.ignoredKeys)
    notes.add(`the top-level entry "${key}" holds no "tasks" list and was ignored`);
  const several = file.tags.length > 1;
  const tasks: PlannedTask[] = [];
  const tags = file.tags.map((tag) => planTag(tag, several, tasks, notes, options.now));
  const { order, dropped } = dependencyOrder(tasks, options.breakCycles);
  for (const link of dropped)
    notes.count(
      'dependencies dropped to break cycles',
      `${tasks[link.from]!.label} → ${tasks[link.to]!.label} (cycle ${link.cycle.join(' → ')})`,
    );
  noteStatusConflicts(tasks, notes);
  return { tasks, order, tags, warnings: notes.list() };
}

/** Appends one tag's tasks, each followed by its subtasks, then resolves their references. */
function planTag(
  tag: TaskMasterTag,
  several: boolean,
  tasks: PlannedTask[],
  notes: ImportNotes,
  now: string,
): PlannedTag {
  const prefix = several ? `${tag.name}/` : '';
  const label = (id: string) => `${prefix}${id}`;
  const context = {
    notes,
    now,
    extraTag: several && tag.name !== null ? tagLabel(tag.name) : null,
  };
  const index: TagIndex = { tasks: new Map(), subtasks: new Map() };
  const pending: PendingRefs = [];
  const first = tasks.length;
  const add = (raw: RawSubtask, id: string, parent: number | null) => {
    tasks.push({
      ...plannedFields(raw, label(id), context),
      label: label(id),
      parent,
      dependencies: [],
    });
    pending.push({ at: tasks.length - 1, refs: raw.dependencies ?? [], parent });
    return tasks.length - 1;
  };
  let subtaskCount = 0;
  for (const raw of tag.tasks) {
    const id = idKey(raw.id);
    if (index.tasks.has(id))
      notes.count('duplicate task ids (dependencies go to the first)', label(id));
    const at = add(raw, id, null);
    if (!index.tasks.has(id)) index.tasks.set(id, at);
    const siblings = new Map<string, number>();
    index.subtasks.set(at, siblings);
    (raw.subtasks ?? []).forEach((sub, position) => {
      const subtask: RawSubtask = typeof sub === 'string' ? { title: sub } : sub;
      const local = subtask.id == null ? String(position + 1) : idKey(subtask.id);
      if (siblings.has(local))
        notes.count(
          'duplicate subtask ids (dependencies go to the first)',
          label(`${id}.${local}`),
        );
      const subAt = add(subtask, `${id}.${local}`, at);
      if (!siblings.has(local)) siblings.set(local, subAt);
      subtaskCount++;
    });
  }
  for (const { at, refs, parent } of pending)
    tasks[at]!.dependencies = resolve(refs, parent, index, tasks[at]!.label, at, label, notes);
  return { name: tag.name, first, tasks: tag.tasks.length, subtasks: subtaskCount };
}

/** The positions `refs` name, without duplicates; missing ones and self-references dropped. */
function resolve(
  refs: readonly (string | number)[],
  parent: number | null,
  index: TagIndex,
  from: string,
  self: number,
  label: (id: string) => string,
  notes: ImportNotes,
): number[] {
  const found = new Set<number>();
  for (const ref of refs) {
    const key = idKey(ref);
    const dot = key.indexOf('.');
    let target: number | undefined;
    if (dot > 0) {
      const owner = index.tasks.get(idKey(key.slice(0, dot)));
      target =
        owner === undefined ? undefined : index.subtasks.get(owner)?.get(idKey(key.slice(dot + 1)));
    } else {
      target =
        (parent === null ? undefined : index.subtasks.get(parent)?.get(key)) ??
        index.tasks.get(key);
    }
    if (target === undefined)
      notes.count('dependencies on ids not in the file (dropped)', `${from} → ${label(key)}`);
    else if (target === self) notes.count('tasks depending on themselves (dropped)', from);
    else found.add(target);
  }
  return [...found];
}

/**
 * Statuses are kept as the file says, even where our rules would not let a task get there
 * directly (done while a prerequisite or subtask is still open): Orchestron reaches the same
 * states itself when a finished task is reopened, so they are kept and pointed out.
 */
function noteStatusConflicts(tasks: readonly PlannedTask[], notes: ImportNotes): void {
  const started: readonly TaskStatus[] = ['in_progress', 'review', 'completed'];
  for (const task of tasks) {
    if (!started.includes(task.status)) continue;
    const open = task.dependencies.filter((at) => tasks[at]!.status !== 'completed');
    if (open.length > 0)
      notes.count(
        'started or done while a prerequisite is not done (kept as the file says)',
        `${task.label} (needs ${open.map((at) => tasks[at]!.label).join(', ')})`,
      );
  }
  const doneParents = new Set<number>();
  for (const task of tasks) {
    if (task.parent === null || tasks[task.parent]!.status !== 'completed') continue;
    if (task.status === 'completed' || task.status === 'cancelled' || doneParents.has(task.parent))
      continue;
    doneParents.add(task.parent);
    notes.count('done with subtasks still open (kept as the file says)', tasks[task.parent]!.label);
  }
}

/** A Task Master tag name as one of our task tags: no spaces or commas, at most 64 characters. */
export function tagLabel(name: string): string {
  return (
    name
      .trim()
      .replace(/[\s,]+/gu, '-')
      .slice(0, 64) || 'untagged'
  );
}
