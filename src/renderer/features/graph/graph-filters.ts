// Which tasks and edges the canvas shows: the filters (status, tag, assignee, agent) and the
// collapsed parents, whose subtasks fold into them (their edges then start or end at the parent).
import type { TaskStatus } from '../../../shared/tasks/task-fields.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';

export interface GraphFilters {
  /** Shown statuses; empty shows every status. */
  statuses: readonly TaskStatus[];
  tag: string | null;
  assignee: string | null;
  /** The agent holding the lease. */
  agent: string | null;
}

export const NO_FILTERS: GraphFilters = { statuses: [], tag: null, assignee: null, agent: null };

export function hasFilters(filters: GraphFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.tag !== null ||
    filters.assignee !== null ||
    filters.agent !== null
  );
}

export function matchesFilters(task: Task, filters: GraphFilters): boolean {
  if (filters.statuses.length > 0 && !filters.statuses.includes(task.status)) return false;
  if (filters.tag !== null && !task.tags.some((tag) => tag.toLowerCase() === filters.tag))
    return false;
  if (filters.assignee !== null && task.assignee !== filters.assignee) return false;
  if (filters.agent !== null && task.lease_holder !== filters.agent) return false;
  return true;
}

export interface GraphEdge {
  id: string;
  /** The prerequisite. */
  source: number;
  /** The task that waits for it. */
  target: number;
}

export interface VisibleGraph {
  /** Shown task ids, ascending. */
  ids: number[];
  edges: GraphEdge[];
  /** For each collapsed parent shown, how many subtasks (all levels) it hides. */
  folded: Map<number, number>;
}

export function edgeId(source: number, target: number): string {
  return `${source}->${target}`;
}

/** The collapsed ancestor a task folds into, itself when none does. */
function foldedInto(
  task: Task,
  tasks: ReadonlyMap<number, Task>,
  collapsed: ReadonlySet<number>,
): number {
  let shownAs = task.id;
  const seen = new Set<number>();
  for (let parent = task.parent_id; parent !== null && !seen.has(parent);) {
    seen.add(parent);
    if (collapsed.has(parent)) shownAs = parent;
    parent = tasks.get(parent)?.parent_id ?? null;
  }
  return shownAs;
}

export function visibleGraph(
  tasks: ReadonlyMap<number, Task>,
  filters: GraphFilters,
  collapsed: ReadonlySet<number>,
): VisibleGraph {
  const shownAs = new Map<number, number>();
  const folded = new Map<number, number>();
  for (const task of tasks.values()) {
    const into = foldedInto(task, tasks, collapsed);
    if (into !== task.id) {
      folded.set(into, (folded.get(into) ?? 0) + 1);
      shownAs.set(task.id, into);
    } else if (matchesFilters(task, filters)) shownAs.set(task.id, task.id);
  }
  const ids = [...shownAs].filter(([id, as]) => id === as).map(([id]) => id);
  ids.sort((a, b) => a - b);
  const shown = new Set(ids);
  const edges = new Map<string, GraphEdge>();
  for (const task of tasks.values()) {
    const target = shownAs.get(task.id);
    if (target === undefined || !shown.has(target)) continue;
    for (const prerequisite of task.dependencies) {
      const source = shownAs.get(prerequisite);
      if (source === undefined || !shown.has(source) || source === target) continue;
      const id = edgeId(source, target);
      if (!edges.has(id)) edges.set(id, { id, source, target });
    }
  }
  for (const id of folded.keys()) if (!shown.has(id)) folded.delete(id);
  return { ids, edges: [...edges.values()], folded };
}

/**
 * The shown graph without the tasks still waiting for their first position (and their edges):
 * they appear once a layout places them, not piled at the origin. The same object when all
 * have a position.
 */
export function placedGraph(graph: VisibleGraph, tasks: ReadonlyMap<number, Task>): VisibleGraph {
  const placed = (id: number) => tasks.get(id)?.position != null;
  if (graph.ids.every(placed)) return graph;
  return {
    ids: graph.ids.filter(placed),
    edges: graph.edges.filter((edge) => placed(edge.source) && placed(edge.target)),
    folded: graph.folded,
  };
}

export interface FilterChoices {
  tags: string[];
  assignees: string[];
  agents: string[];
}

/** The values the filter menus offer: those some task has, sorted. */
export function filterChoices(tasks: ReadonlyMap<number, Task>): FilterChoices {
  const tags = new Set<string>();
  const assignees = new Set<string>();
  const agents = new Set<string>();
  for (const task of tasks.values()) {
    for (const tag of task.tags) tags.add(tag.toLowerCase());
    if (task.assignee) assignees.add(task.assignee);
    if (task.lease_holder) agents.add(task.lease_holder);
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b));
  return { tags: sorted(tags), assignees: sorted(assignees), agents: sorted(agents) };
}

/** Tasks whose title or #id matches what was typed, best first (id, then title start), at most `limit`. */
export function searchTasks(tasks: Iterable<Task>, query: string, limit = 20): Task[] {
  const text = query.trim().toLowerCase().replace(/^#/, '');
  const all = [...tasks];
  if (text === '') return all.slice(0, limit);
  const rank = (task: Task): number => {
    if (String(task.id) === text) return 0;
    const title = task.title.toLowerCase();
    if (title.startsWith(text)) return 1;
    if (title.includes(text)) return 2;
    return String(task.id).startsWith(text) ? 3 : -1;
  };
  return all
    .map((task) => ({ task, rank: rank(task) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.task.id - b.task.id)
    .slice(0, limit)
    .map((entry) => entry.task);
}
