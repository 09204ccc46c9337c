// SQL for dependency edges: "task_id depends on depends_on".
import type { DependencyEdge } from '../../shared/graph/graph-types.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { Db } from './database.ts';

export interface PrerequisiteState {
  task_id: number;
  id: number;
  status: TaskStatus;
  failed_prerequisites: number;
}

export type DependenciesRepo = ReturnType<typeof createDependenciesRepo>;

export function createDependenciesRepo(db: Db) {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO dependencies (task_id, depends_on, created_at) VALUES (?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM dependencies WHERE task_id = ? AND depends_on = ?');
  const exists = db.prepare<[number, number], { one: number }>(
    'SELECT 1 AS one FROM dependencies WHERE task_id = ? AND depends_on = ?',
  );
  const prerequisitesOf = db.prepare<[number], { id: number }>(
    'SELECT depends_on AS id FROM dependencies WHERE task_id = ? ORDER BY depends_on',
  );
  const dependentsOf = db.prepare<[number], { id: number }>(
    'SELECT task_id AS id FROM dependencies WHERE depends_on = ? ORDER BY task_id',
  );
  const prerequisiteStates = db.prepare<[string], PrerequisiteState>(
    `SELECT d.task_id, t.id, t.status, t.failed_prerequisites FROM dependencies d JOIN tasks t ON t.id = d.depends_on
     WHERE d.task_id IN (SELECT value FROM json_each(?))`,
  );
  const dependentsOfMany = db.prepare<[string], { id: number }>(
    'SELECT DISTINCT task_id AS id FROM dependencies WHERE depends_on IN (SELECT value FROM json_each(?))',
  );
  const edgesOf = db.prepare<[string], DependencyEdge>(
    `SELECT task_id, depends_on FROM dependencies WHERE task_id IN (SELECT value FROM json_each(?))
     ORDER BY task_id, depends_on`,
  );
  // "waits for" is a dependency or, for a parent, each of its subtasks
  const reaches = db.prepare<{ from: number; target: number }, { found: number }>(
    `WITH RECURSIVE waits(id) AS (
       SELECT @from
       UNION SELECT d.depends_on FROM dependencies d JOIN waits w ON d.task_id = w.id
       UNION SELECT t.id FROM tasks t JOIN waits w ON t.parent_id = w.id
     )
     SELECT 1 AS found FROM waits WHERE id = @target LIMIT 1`,
  );
  const projectEdges = db.prepare<[number], DependencyEdge>(
    `SELECT d.task_id, d.depends_on FROM dependencies d JOIN tasks t ON t.id = d.task_id
     WHERE t.project_id = ? ORDER BY d.task_id, d.depends_on`,
  );

  const downstream = db.prepare<[number], { count: number }>(
    `WITH RECURSIVE below(id) AS (
       SELECT task_id FROM dependencies WHERE depends_on = ?
       UNION SELECT d.task_id FROM dependencies d JOIN below b ON d.depends_on = b.id
     )
     SELECT count(*) AS count FROM below`,
  );
  const blockers = db.prepare<[number, number], { id: number; waiting: number }>(
    `SELECT d.depends_on AS id, count(*) AS waiting FROM dependencies d
     JOIN tasks t ON t.id = d.task_id JOIN tasks p ON p.id = d.depends_on
     WHERE t.project_id = ? AND t.status = 'pending' AND p.status <> 'completed'
     GROUP BY d.depends_on ORDER BY waiting DESC, d.depends_on LIMIT ?`,
  );

  return {
    /** How many tasks wait on `taskId`, directly or through others. */
    downstreamCount: (taskId: number): number => downstream.get(taskId)!.count,
    /** Unfinished prerequisites of a project's pending tasks, the most waited-on first. */
    blockers: (projectId: number, limit: number) => blockers.all(projectId, limit),
    insert: (taskId: number, dependsOn: number, at: string): boolean =>
      insert.run(taskId, dependsOn, at).changes > 0,
    remove: (taskId: number, dependsOn: number): boolean =>
      remove.run(taskId, dependsOn).changes > 0,
    exists: (taskId: number, dependsOn: number): boolean =>
      exists.get(taskId, dependsOn) !== undefined,
    prerequisitesOf: (taskId: number): number[] => prerequisitesOf.all(taskId).map((row) => row.id),
    dependentsOf: (taskId: number): number[] => dependentsOf.all(taskId).map((row) => row.id),
    prerequisiteStates: (taskId: number): PrerequisiteState[] =>
      prerequisiteStates.all(JSON.stringify([taskId])),
    /** Prerequisites' states of many tasks at once, each row naming the task it belongs to. */
    prerequisiteStatesOf: (taskIds: readonly number[]): PrerequisiteState[] =>
      prerequisiteStates.all(JSON.stringify(taskIds)),
    dependentsOfMany: (taskIds: readonly number[]): number[] =>
      dependentsOfMany.all(JSON.stringify(taskIds)).map((row) => row.id),
    /** True when `from` waits, directly or through others, for `target`. */
    reaches: (from: number, target: number): boolean => reaches.get({ from, target }) !== undefined,
    edgesOf: (taskIds: readonly number[]): DependencyEdge[] => edgesOf.all(JSON.stringify(taskIds)),
    edgesOfProject: (projectId: number): DependencyEdge[] => projectEdges.all(projectId),
  };
}
