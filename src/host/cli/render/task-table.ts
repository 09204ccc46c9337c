// The table of a list of tasks (full, compact or references): id, title, status, and priority,
// dependencies, readiness and hours when the rows carry them.
import { priorityLabel } from '../../../shared/tasks/task-fields.ts';
import { cell, formatTable, outputWidth, type Column } from './text-table.ts';

export type Row = Record<string, unknown>;

export function isRecord(value: unknown): value is Row {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Anything with an id, a title and a status reads as a task. */
export function isTaskLike(value: unknown): value is Row {
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    typeof value['title'] === 'string' &&
    typeof value['status'] === 'string'
  );
}

export function isTaskList(value: unknown): value is Row[] {
  return Array.isArray(value) && value.length > 0 && value.every(isTaskLike);
}

interface TaskColumn extends Column {
  key: string;
  value: (task: Row) => string;
}

const OPTIONAL_COLUMNS: TaskColumn[] = [
  {
    key: 'priority',
    header: 'PRIORITY',
    value: (task) =>
      typeof task['priority'] === 'number'
        ? priorityLabel(task['priority'])
        : cell(task['priority']),
  },
  { key: 'dependencies', header: 'DEPS', max: 24, value: (task) => cell(task['dependencies']) },
  {
    key: 'ready',
    header: 'READY',
    value: (task) => (task['ready'] === true ? 'yes' : task['ready'] === false ? 'no' : '-'),
  },
  {
    key: 'estimated_hours',
    header: 'HOURS',
    align: 'right',
    value: (task) => cell(task['estimated_hours']),
  },
];
/** Columns shown only when some row has a value, not merely the key. */
const SPARSE = new Set(['estimated_hours']);

export function renderTaskTable(tasks: readonly Row[]): string {
  const optional = OPTIONAL_COLUMNS.filter((column) =>
    tasks.some(
      (task) =>
        column.key in task && (!SPARSE.has(column.key) || (task[column.key] ?? null) !== null),
    ),
  );
  const idWidth = Math.max(2, ...tasks.map((task) => String(task['id']).length));
  const fixed =
    idWidth + 'in_progress'.length + optional.reduce((sum, column) => sum + (column.max ?? 8), 0);
  const titleWidth = Math.max(20, Math.min(80, outputWidth() - fixed - 2 * (optional.length + 2)));
  const columns: TaskColumn[] = [
    { key: 'id', header: 'ID', align: 'right', value: (task) => String(task['id']) },
    { key: 'title', header: 'TITLE', max: titleWidth, value: (task) => String(task['title']) },
    { key: 'status', header: 'STATUS', value: (task) => String(task['status']) },
    ...optional,
  ];
  return formatTable(
    columns,
    tasks.map((task) => columns.map((column) => column.value(task))),
  );
}
