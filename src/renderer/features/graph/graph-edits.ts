// The graph edits a person can undo, as data: enough to do each one again or take it back
// through the API. A delete keeps full copies of the tasks it removed, to recreate them.
import type { Task } from '../../../shared/tasks/task.schema.ts';

export interface Position {
  task_id: number;
  x: number;
  y: number;
}

export interface Edge {
  task_id: number;
  depends_on: number;
}

export type DeleteMode = 'refuse' | 'cascade' | 'relink';

export type GraphEdit =
  | { kind: 'create'; taskId: number; title: string; position: { x: number; y: number } | null }
  | { kind: 'connect'; edge: Edge }
  | { kind: 'disconnect'; edges: Edge[] }
  | { kind: 'move'; before: Position[]; after: Position[] }
  | {
      kind: 'delete';
      /** The tasks the person chose (their subtasks and cascaded dependents went with them). */
      roots: number[];
      mode: DeleteMode;
      /** Every task removed, as it was just before. */
      tasks: Task[];
      /** Dependencies of surviving tasks on removed ones, which the delete cut. */
      cut: Edge[];
      /** Dependencies a relink added in their place. */
      relinked: Edge[];
    };

/** What the menu says the next undo or redo would do. */
export function describeEdit(edit: GraphEdit): string {
  switch (edit.kind) {
    case 'create':
      return `create "${edit.title}"`;
    case 'connect':
      return `dependency #${edit.edge.task_id} on #${edit.edge.depends_on}`;
    case 'disconnect':
      return edit.edges.length === 1
        ? `removal of dependency #${edit.edges[0]!.task_id} on #${edit.edges[0]!.depends_on}`
        : `removal of ${edit.edges.length} dependencies`;
    case 'move':
      return `move of ${edit.after.length} task${edit.after.length === 1 ? '' : 's'}`;
    case 'delete':
      return `delete of ${edit.tasks.length} task${edit.tasks.length === 1 ? '' : 's'}`;
  }
}

/**
 * What a delete of `roots` removes, read from the graph before the call: the roots, their
 * subtasks at every level, and with cascade every task that (transitively) depends on them.
 */
export function deletedBy(
  tasks: ReadonlyMap<number, Task>,
  roots: readonly number[],
  mode: DeleteMode,
): Set<number> {
  const gone = new Set<number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (gone.has(id) || !tasks.has(id)) continue;
    gone.add(id);
    for (const task of tasks.values()) {
      if (task.parent_id === id) queue.push(task.id);
      else if (mode === 'cascade' && task.dependencies.includes(id)) queue.push(task.id);
    }
  }
  return gone;
}

/** Dependencies of tasks outside `gone` on tasks in it: what deleting `gone` cuts. */
export function cutEdges(tasks: ReadonlyMap<number, Task>, gone: ReadonlySet<number>): Edge[] {
  const cut: Edge[] = [];
  for (const task of tasks.values()) {
    if (gone.has(task.id)) continue;
    for (const dependsOn of task.dependencies)
      if (gone.has(dependsOn)) cut.push({ task_id: task.id, depends_on: dependsOn });
  }
  return cut;
}

/** Tasks in an order where each parent comes before its subtasks. */
export function parentsFirst(tasks: readonly Task[]): Task[] {
  const ids = new Set(tasks.map((task) => task.id));
  const placed = new Set<number>();
  const ordered: Task[] = [];
  let remaining = [...tasks].sort((a, b) => a.id - b.id);
  while (remaining.length > 0) {
    const ready = remaining.filter(
      (task) => task.parent_id === null || !ids.has(task.parent_id) || placed.has(task.parent_id),
    );
    // a parent loop cannot exist in the database; should one appear, take the rest as they are
    const next = ready.length > 0 ? ready : remaining;
    for (const task of next) {
      ordered.push(task);
      placed.add(task.id);
    }
    remaining = remaining.filter((task) => !placed.has(task.id));
  }
  return ordered;
}

/** Whether a task has dependents (other than among `alsoGoing`), so deleting it must ask. */
export function hasDependents(
  tasks: ReadonlyMap<number, Task>,
  id: number,
  alsoGoing: ReadonlySet<number> = new Set(),
): boolean {
  for (const task of tasks.values())
    if (!alsoGoing.has(task.id) && task.dependencies.includes(id)) return true;
  return false;
}
