// SQL for the tasks table. Rows become TaskRecords here; nothing else sees a row.
import type { Criterion } from '../../shared/tasks/task.schema.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { Db } from './database.ts';
import { StatementCache } from './statement-cache.ts';

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

interface TaskRow extends Omit<TaskRecord, 'acceptance_criteria' | 'position' | 'status'> {
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

const COLUMNS = `id, project_id, parent_id, title, description, details, test_strategy, acceptance_criteria,
  status, priority, assignee, code_language, execution_environment, complexity_score, estimated_hours,
  progress, unmet_dependencies, failed_prerequisites, version, created_by, created_at, updated_at,
  started_at, completed_at, position_x, position_y`;

const WRITE_COLUMNS = [
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

const READY = "status = 'pending' AND unmet_dependencies = 0";

function toRecord(row: TaskRow): TaskRecord {
  const { position_x, position_y, ...rest } = row;
  // overriding keys of the spread keeps them in column order, which callers see in JSON
  return {
    ...rest,
    status: rest.status as TaskStatus,
    acceptance_criteria: JSON.parse(rest.acceptance_criteria) as Criterion[],
    position: position_x === null || position_y === null ? null : { x: position_x, y: position_y },
  };
}

function toParams(task: TaskWrite): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const column of WRITE_COLUMNS) {
    if (column !== 'position_x' && column !== 'position_y') params[column] = task[column];
  }
  params['acceptance_criteria'] = JSON.stringify(task.acceptance_criteria);
  params['position_x'] = task.position?.x ?? null;
  params['position_y'] = task.position?.y ?? null;
  return params;
}

/** WHERE clause and parameters for a filter; the SQL shape depends only on which fields are set. */
function filterSql(filter: TaskFilter): { where: string; params: unknown[] } {
  const clauses = ['project_id = ?'];
  const params: unknown[] = [filter.project_id];
  if (filter.statuses?.length) {
    clauses.push(`status IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(filter.statuses));
  }
  if (filter.code_language !== undefined) {
    clauses.push('code_language = ? COLLATE NOCASE');
    params.push(filter.code_language);
  }
  if (filter.assignee !== undefined) {
    clauses.push('assignee = ?');
    params.push(filter.assignee);
  }
  if (filter.tag !== undefined) {
    clauses.push('id IN (SELECT task_id FROM task_tags WHERE tag = ?)');
    params.push(filter.tag);
  }
  if (filter.parent_id === null) clauses.push('parent_id IS NULL');
  else if (filter.parent_id !== undefined) {
    clauses.push('parent_id = ?');
    params.push(filter.parent_id);
  }
  if (filter.ready !== undefined) clauses.push(filter.ready ? `(${READY})` : `NOT (${READY})`);
  return { where: clauses.join(' AND '), params };
}

export type TasksRepo = ReturnType<typeof createTasksRepo>;

export function createTasksRepo(db: Db) {
  const cache = new StatementCache(db);
  const names = WRITE_COLUMNS.join(', ');
  const values = WRITE_COLUMNS.map((column) => `@${column}`).join(', ');
  const insert = db.prepare(`INSERT INTO tasks (${names}) VALUES (${values})`);
  const insertWithId = db.prepare(
    `INSERT INTO tasks (id, unmet_dependencies, failed_prerequisites, ${names}) VALUES (@id, @unmet, @failed, ${values})`,
  );
  const update = db.prepare(
    `UPDATE tasks SET ${WRITE_COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`,
  );
  const byId = db.prepare<[number], TaskRow>(`SELECT ${COLUMNS} FROM tasks WHERE id = ?`);
  const byIds = db.prepare<[string], TaskRow>(
    `SELECT ${COLUMNS} FROM tasks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const refsByIds = db.prepare<[string], TaskRef>(
    `SELECT id, title, status FROM tasks WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const subtasks = db.prepare<[number], TaskRef>(
    'SELECT id, title, status FROM tasks WHERE parent_id = ? ORDER BY id',
  );
  const derivedRows = db.prepare<[string], DerivedRow>(
    `SELECT id, project_id, title, status, assignee, unmet_dependencies, failed_prerequisites FROM tasks
     WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const setDerivedMany = db.prepare<[string]>(
    `UPDATE tasks SET unmet_dependencies = c.unmet, failed_prerequisites = c.failed
     FROM (SELECT value ->> 0 AS id, value ->> 1 AS unmet, value ->> 2 AS failed FROM json_each(?)) AS c
     WHERE tasks.id = c.id`,
  );
  const remove = db.prepare('DELETE FROM tasks WHERE id = ?');
  const nextId = db.prepare<[], { id: number }>(
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'tasks'), 0),
                coalesce((SELECT max(id) FROM tasks), 0)) + 1 AS id`,
  );
  const anyOfIds = db.prepare<[string], { id: number }>(
    'SELECT id FROM tasks WHERE id IN (SELECT value FROM json_each(?)) LIMIT 1',
  );
  const statusCounts = db.prepare<[number], { status: string; count: number }>(
    'SELECT status, count FROM task_counts WHERE project_id = ? AND count > 0 ORDER BY status',
  );
  const countedByStatus = db.prepare<
    { project: number; statuses: string | null },
    { count: number }
  >(
    `SELECT coalesce(sum(count), 0) AS count FROM task_counts
     WHERE project_id = @project AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))`,
  );
  const readyCount = db.prepare<[number], { count: number }>(
    'SELECT coalesce((SELECT count FROM ready_counts WHERE project_id = ?), 0) AS count',
  );
  const waitingCount = db.prepare<[number], { count: number }>(
    "SELECT count(*) AS count FROM tasks WHERE project_id = ? AND failed_prerequisites > 0 AND status NOT IN ('completed', 'failed', 'cancelled')",
  );
  const allRows = db.prepare<[number], TaskRow>(
    `SELECT ${COLUMNS} FROM tasks WHERE project_id = ? ORDER BY id`,
  );
  const graphNodes = db.prepare<[number], GraphNodeRecord>(
    `SELECT id, title, status, priority, parent_id, estimated_hours, unmet_dependencies, failed_prerequisites,
            position_x, position_y FROM tasks WHERE project_id = ? ORDER BY id`,
  );
  const descendants = db.prepare<[number], { id: number }>(
    `WITH RECURSIVE below(id) AS (SELECT id FROM tasks WHERE parent_id = ?
       UNION SELECT t.id FROM tasks t JOIN below b ON t.parent_id = b.id)
     SELECT id FROM below ORDER BY id`,
  );

  return {
    insert: (task: TaskWrite): number => Number(insert.run(toParams(task)).lastInsertRowid),
    /** Inserts a task under a chosen id with its derived counters already computed (imports). */
    insertWithId: (id: number, task: TaskWrite, derived: { unmet: number; failed: number }): void =>
      void insertWithId.run({ id, ...derived, ...toParams(task) }),
    update: (id: number, task: TaskWrite): void => void update.run({ id, ...toParams(task) }),
    get: (id: number): TaskRecord | undefined => {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    getMany: (ids: readonly number[]): TaskRecord[] => byIds.all(JSON.stringify(ids)).map(toRecord),
    refs: (ids: readonly number[]): TaskRef[] =>
      ids.length === 0 ? [] : refsByIds.all(JSON.stringify(ids)),
    subtaskRefs: (id: number): TaskRef[] => subtasks.all(id),
    derivedRows: (ids: readonly number[]): DerivedRow[] => derivedRows.all(JSON.stringify(ids)),
    /** Sets [id, unmet, failed] for many tasks in one statement. */
    setDerivedMany: (rows: readonly (readonly [number, number, number])[]): void => {
      if (rows.length > 0) setDerivedMany.run(JSON.stringify(rows));
    },
    delete: (id: number): void => void remove.run(id),
    /** The id the next inserted task would get; ids are never reused. */
    nextId: (): number => nextId.get()!.id,
    anyExists: (ids: readonly number[]): boolean => anyOfIds.get(JSON.stringify(ids)) !== undefined,
    allOfProject: (projectId: number): TaskRecord[] => allRows.all(projectId).map(toRecord),
    graphNodes: (projectId: number): GraphNodeRecord[] => graphNodes.all(projectId),
    descendantIds: (id: number): number[] => descendants.all(id).map((row) => row.id),

    /** A page in id order after `afterId`. */
    page(filter: TaskFilter, afterId: number, limit: number): TaskRecord[] {
      const { where, params } = filterSql(filter);
      const sql = `SELECT ${COLUMNS} FROM tasks WHERE ${where} AND id > ? ORDER BY id LIMIT ?`;
      return (cache.get(sql).all(...params, afterId, limit) as TaskRow[]).map(toRecord);
    },

    count(filter: TaskFilter): number {
      const { project_id, statuses, ...rest } = filter;
      if (Object.values(rest).every((value) => value === undefined)) {
        const list = statuses?.length ? JSON.stringify(statuses) : null;
        return countedByStatus.get({ project: project_id, statuses: list })!.count;
      }
      const { where, params } = filterSql(filter);
      return (
        cache.get(`SELECT count(*) AS count FROM tasks WHERE ${where}`).get(...params) as {
          count: number;
        }
      ).count;
    },

    /** Ready tasks by priority (highest first), then id, after the (priority, id) cursor. */
    readyPage(
      projectId: number,
      after: { priority: number; id: number } | null,
      limit: number,
    ): TaskRecord[] {
      const sql = after
        ? `SELECT ${COLUMNS} FROM tasks WHERE project_id = ? AND ${READY} AND (priority < ? OR (priority = ? AND id > ?))
           ORDER BY priority DESC, id LIMIT ?`
        : `SELECT ${COLUMNS} FROM tasks WHERE project_id = ? AND ${READY} ORDER BY priority DESC, id LIMIT ?`;
      const params = after
        ? [projectId, after.priority, after.priority, after.id, limit]
        : [projectId, limit];
      return (cache.get(sql).all(...params) as TaskRow[]).map(toRecord);
    },

    readyCount: (projectId: number): number => readyCount.get(projectId)!.count,

    metrics(projectId: number) {
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const { status, count } of statusCounts.all(projectId)) {
        byStatus[status] = count;
        total += count;
      }
      return {
        total,
        by_status: byStatus,
        ready: readyCount.get(projectId)!.count,
        waiting_on_failed: waitingCount.get(projectId)!.count,
        percent_completed:
          total === 0 ? 0 : Math.round(((byStatus['completed'] ?? 0) / total) * 1000) / 10,
      };
    },
  };
}
