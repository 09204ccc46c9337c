// The task records the repositories return, and the row mapping the task repositories share,
// all derived from the task declaration: a column field is read, written and mapped here
// without being listed. TaskRow and the column lists are for *.repo.ts files only.
import type { z } from 'zod';
import {
  COLUMN_FIELDS,
  TASK_FIELDS,
  type ColumnField,
  type OutputOf,
} from '../../shared/tasks/task-declaration.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';

type ColumnValues = { [K in ColumnField]: z.output<OutputOf<K>> };

/** A task as stored: its column fields plus the derived counters the graph rules keep. */
export type TaskRecord = ColumnValues & {
  unmet_dependencies: number;
  failed_prerequisites: number;
};

/** The columns a caller writes; the derived counters are kept by the graph rules. */
export type TaskWrite = Omit<TaskRecord, 'id' | 'unmet_dependencies' | 'failed_prerequisites'>;

/** A row as SQLite returns it: JSON fields as text, positions as two columns. */
export type TaskRow = Record<string, unknown>;

export interface TaskFilter {
  project_id: number;
  statuses?: readonly TaskStatus[];
  code_language?: string;
  tag?: string;
  assignee?: string;
  parent_id?: number | null;
  ready?: boolean;
}

/** The light columns graph algorithms and exports need, for whole projects at once. */
export interface GraphNodeRecord {
  id: number;
  title: string;
  status: TaskStatus;
  priority: number;
  parent_id: number | null;
  estimated_hours: number | null;
  unmet_dependencies: number;
  failed_prerequisites: number;
  position_x: number | null;
  position_y: number | null;
}

/** What keeping derived counters needs to know of a task. */
export interface DerivedRow {
  id: number;
  project_id: number;
  title: string;
  status: TaskStatus;
  assignee: string | null;
  unmet_dependencies: number;
  failed_prerequisites: number;
}

export interface TaskRef {
  id: number;
  title: string;
  status: TaskStatus;
}

const storageOf = (name: ColumnField) => TASK_FIELDS[name].storage as string;

/** Column names of the fields, in declaration order (an xy field is two columns). */
function columnNames(fields: readonly ColumnField[]): string[] {
  return fields.flatMap((name) => (storageOf(name) === 'xy' ? [`${name}_x`, `${name}_y`] : [name]));
}

const WRITTEN = COLUMN_FIELDS.filter((name) => name !== 'id');

export const COLUMNS = [
  ...columnNames(COLUMN_FIELDS),
  'unmet_dependencies',
  'failed_prerequisites',
].join(', ');

export const WRITE_COLUMNS: readonly string[] = columnNames(WRITTEN);

export const READY = "status = 'pending' AND unmet_dependencies = 0";

export function toRecord(row: TaskRow): TaskRecord {
  const record: Record<string, unknown> = {};
  for (const name of COLUMN_FIELDS) {
    const storage = storageOf(name);
    if (storage === 'json') record[name] = JSON.parse(row[name] as string);
    else if (storage === 'flag') record[name] = row[name] === 1;
    else if (storage === 'xy') {
      const [x, y] = [row[`${name}_x`], row[`${name}_y`]];
      record[name] = x === null || y === null ? null : { x, y };
    } else record[name] = row[name];
  }
  record['unmet_dependencies'] = row['unmet_dependencies'];
  record['failed_prerequisites'] = row['failed_prerequisites'];
  return record as TaskRecord;
}

export function toParams(task: TaskWrite): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const name of WRITTEN) {
    const value = (task as Record<string, unknown>)[name];
    const storage = storageOf(name);
    if (storage === 'json') params[name] = JSON.stringify(value);
    else if (storage === 'flag') params[name] = value ? 1 : 0;
    else if (storage === 'xy') {
      const point = value as { x: number; y: number } | null;
      params[`${name}_x`] = point?.x ?? null;
      params[`${name}_y`] = point?.y ?? null;
    } else params[name] = value;
  }
  return params;
}
