// SQL for lists of a project's tasks: pages by filter, the ready set by priority, and the
// counts and metrics that go with them (read from the trigger-kept count tables when it can).
import type { Db } from './database.ts';
import { StatementCache } from './statement-cache.ts';
import {
  COLUMNS,
  READY,
  toRecord,
  type TaskFilter,
  type TaskRecord,
  type TaskRow,
} from './task-rows.ts';

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

export type TaskListsRepo = ReturnType<typeof createTaskListsRepo>;

export function createTaskListsRepo(db: Db) {
  const cache = new StatementCache(db);
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

  return {
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
