// The task records the repositories return, and the row mapping the task repositories share;
// TaskRow and the column lists are for *.repo.ts files only.
import type { Criterion } from '../../shared/tasks/task.schema.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';

export interface TaskRecord {
  id: number;
  project_id: number;
  parent_id: number | null;
  title: string;
  description: string;
  details: string;
  test_strategy: string;
  acceptance_criteria: Criterion[];
  status: TaskStatus;
  priority: number;
  assignee: string | null;
  code_language: string | null;
  execution_environment: string | null;
  complexity_score: number | null;
  estimated_hours: number | null;
  progress: number;
  unmet_dependencies: number;
  failed_prerequisites: number;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  completed_at: string | null;
  position: { x: number; y: number } | null;
}

/** The columns a caller writes; the derived counters are kept by setDerived. */
export type TaskWrite = Omit<TaskRecord, 'id' | 'unmet_dependencies' | 'failed_prerequisites'>;

export interface TaskRow extends Omit<TaskRecord, 'acceptance_criteria' | 'position' | 'status'> {
  acceptance_criteria: string;
  status: string;
  position_x: number | null;
  position_y: number | null;
}

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

export const COLUMNS = `id, project_id, parent_id, title, description, details, test_strategy, acceptance_criteria,
  status, priority, assignee, code_language, execution_environment, complexity_score, estimated_hours,
  progress, unmet_dependencies, failed_prerequisites, version, created_by, created_at, updated_at,
  started_at, completed_at, position_x, position_y`;

export const WRITE_COLUMNS = [
  'project_id',
  'parent_id',
  'title',
  'description',
  'details',
  'test_strategy',
  'acceptance_criteria',
  'status',
  'priority',
  'assignee',
  'code_language',
  'execution_environment',
  'complexity_score',
  'estimated_hours',
  'progress',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'started_at',
  'completed_at',
  'position_x',
  'position_y',
] as const;

export const READY = "status = 'pending' AND unmet_dependencies = 0";

export function toRecord(row: TaskRow): TaskRecord {
  const { position_x, position_y, ...rest } = row;
  // overriding keys of the spread keeps them in column order, which callers see in JSON
  return {
    ...rest,
    status: rest.status as TaskStatus,
    acceptance_criteria: JSON.parse(rest.acceptance_criteria) as Criterion[],
    position: position_x === null || position_y === null ? null : { x: position_x, y: position_y },
  };
}

export function toParams(task: TaskWrite): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const column of WRITE_COLUMNS) {
    if (column !== 'position_x' && column !== 'position_y') params[column] = task[column];
  }
  params['acceptance_criteria'] = JSON.stringify(task.acceptance_criteria);
  params['position_x'] = task.position?.x ?? null;
  params['position_y'] = task.position?.y ?? null;
  return params;
}
