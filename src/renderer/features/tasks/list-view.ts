// The rows the list shows: the loaded tasks filtered (text, status or ready) and sorted by a
// column. Pure, so the list's logic is tested without a browser; the unfiltered id order
// returns the loaded array itself, so nothing re-renders for a no-op.
import { TASK_STATUSES, type TaskStatus } from '../../../shared/tasks/task-fields.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';

export const SORT_KEYS = ['id', 'title', 'status', 'priority', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type StatusFilter = 'all' | 'ready' | 'open' | TaskStatus;

export interface ListOptions {
  sort: SortKey;
  descending: boolean;
  text: string;
  status: StatusFilter;
}

export const DEFAULT_OPTIONS: ListOptions = {
  sort: 'id',
  descending: false,
  text: '',
  status: 'all',
};

/** Statuses still to be worked on, for the "open" filter. */
const CLOSED: readonly TaskStatus[] = ['completed', 'cancelled'];

const COMPARE: Record<SortKey, (a: Task, b: Task) => number> = {
  id: (a, b) => a.id - b.id,
  title: (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
  status: (a, b) => TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status),
  priority: (a, b) => a.priority - b.priority,
  updated: (a, b) => a.updated_at.localeCompare(b.updated_at),
};

function matchesStatus(task: Task, status: StatusFilter): boolean {
  if (status === 'all') return true;
  if (status === 'ready') return task.ready;
  if (status === 'open') return !CLOSED.includes(task.status);
  return task.status === status;
}

/** "#12" finds task 12; other text is looked for in the title, description, tags and assignee. */
function textMatcher(text: string): (task: Task) => boolean {
  const query = text.trim().toLowerCase();
  if (query === '') return () => true;
  const id = /^#(\d+)$/.exec(query);
  if (id) return (task) => task.id === Number(id[1]);
  return (task) =>
    task.title.toLowerCase().includes(query) ||
    task.description.toLowerCase().includes(query) ||
    task.tags.some((tag) => tag.toLowerCase().includes(query)) ||
    (task.assignee ?? '').toLowerCase().includes(query);
}

export function visibleRows(tasks: readonly Task[], options: ListOptions): readonly Task[] {
  const matches = textMatcher(options.text);
  const filtered =
    options.text.trim() === '' && options.status === 'all'
      ? tasks
      : tasks.filter((task) => matchesStatus(task, options.status) && matches(task));
  if (options.sort === 'id' && !options.descending) return filtered;
  const compare = COMPARE[options.sort];
  const direction = options.descending ? -1 : 1;
  // ties fall back to id order, so equal rows never swap places between renders
  return [...filtered].sort((a, b) => direction * compare(a, b) || a.id - b.id);
}

/** Clicking a column: sorts by it, or reverses it when it is the sort already. */
export function toggledSort(options: ListOptions, key: SortKey): ListOptions {
  if (options.sort === key) return { ...options, descending: !options.descending };
  // priority and recency read best highest first
  return { ...options, sort: key, descending: key === 'priority' || key === 'updated' };
}

/** The row after a key press in the list: arrows move one, Home and End jump; null: not ours. */
export function movedIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
