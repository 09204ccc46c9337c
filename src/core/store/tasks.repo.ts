// SQL for one task at a time, or a known set of them: insert, read, update, delete, and the
// derived counters. Lists of a project (pages, counts) are in task-lists.repo.ts.
import type { Db } from './database.ts';
import {
  COLUMNS,
  toParams,
  toRecord,
  WRITE_COLUMNS,
  type DerivedRow,
  type GraphNodeRecord,
  type TaskRecord,
  type TaskRef,
  type TaskRow,
  type TaskWrite,
} from './task-rows.ts';

export type TasksRepo = ReturnType<typeof createTasksRepo>;

export function createTasksRepo(db: Db) {
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
  };
}
