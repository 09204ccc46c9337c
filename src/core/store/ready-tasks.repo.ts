// SQL for choosing the next task: the best ready tasks that pass a caller's filters (walking the
// tasks_ready index in priority order), how many ready tasks each filter excludes, the work a
// task unblocks (counted up to a cap), the task an agent touched last, and the live leases that
// explain why nothing is free.
import type { Db } from './database.ts';
import { StatementCache } from './statement-cache.ts';
import { COLUMNS, READY, toRecord, type TaskRecord, type TaskRow } from './task-rows.ts';

/** The filters that narrow the ready set; null or empty means "not asked for". */
export interface ReadyFilter {
  max_complexity: number | null;
  max_hours: number | null;
  min_hours: number | null;
  min_priority: number | null;
  required_tags: readonly string[];
  excluded_tags: readonly string[];
}

export type FilterKey = keyof ReadyFilter | 'paused' | 'claimed';

interface Condition {
  key: FilterKey;
  sql: string;
  params: unknown[];
}

/** Each active filter as an SQL condition that is true (never NULL) for a task that passes. */
function conditionsOf(filter: ReadyFilter, now: string): Condition[] {
  const conditions: Condition[] = [];
  const add = (key: FilterKey, sql: string, ...params: unknown[]) =>
    conditions.push({ key, sql, params });
  // a person's pause keeps a task from being handed out, whatever the filters
  add('paused', 'paused_at IS NULL');
  // claims move a task to in_progress; this only guards a pending task that still has a live lease
  add(
    'claimed',
    '(lease_holder IS NULL OR (lease_expires_at IS NOT NULL AND lease_expires_at <= ?))',
    now,
  );
  if (filter.min_priority !== null) add('min_priority', 'priority >= ?', filter.min_priority);
  if (filter.max_complexity !== null)
    add(
      'max_complexity',
      '(complexity_score IS NULL OR complexity_score <= ?)',
      filter.max_complexity,
    );
  if (filter.max_hours !== null)
    add('max_hours', '(estimated_hours IS NULL OR estimated_hours <= ?)', filter.max_hours);
  if (filter.min_hours !== null)
    add('min_hours', '(estimated_hours IS NULL OR estimated_hours >= ?)', filter.min_hours);
  // task_tags.tag is COLLATE NOCASE, and IN compares with the column's collation
  if (filter.required_tags.length > 0)
    add(
      'required_tags',
      '(SELECT count(*) FROM task_tags g WHERE g.task_id = tasks.id AND g.tag IN (SELECT value FROM json_each(?))) = ?',
      JSON.stringify(filter.required_tags),
      filter.required_tags.length,
    );
  if (filter.excluded_tags.length > 0)
    add(
      'excluded_tags',
      'NOT EXISTS (SELECT 1 FROM task_tags g WHERE g.task_id = tasks.id AND g.tag IN (SELECT value FROM json_each(?)))',
      JSON.stringify(filter.excluded_tags),
    );
  return conditions;
}

export interface LeaseRow {
  id: number;
  title: string;
  status: string;
  lease_holder: string;
  /** null for a person's claim, which never expires. */
  lease_expires_at: string | null;
}

export type ReadyTasksRepo = ReturnType<typeof createReadyTasksRepo>;

export function createReadyTasksRepo(db: Db) {
  const cache = new StatementCache(db);
  const unblocks = db.prepare<{ id: number; cap: number }, { count: number }>(
    // LIMIT inside a recursive CTE stops the walk once that many tasks are found, so a hub
    // with thousands of dependents costs no more than one with `cap`
    `WITH RECURSIVE below(id) AS (
       SELECT task_id FROM dependencies WHERE depends_on = @id
       UNION SELECT d.task_id FROM dependencies d JOIN below b ON d.depends_on = b.id
       LIMIT @cap
     )
     SELECT count(*) AS count FROM below`,
  );
  const withDependents = db.prepare<[string], { id: number }>(
    'SELECT DISTINCT depends_on AS id FROM dependencies WHERE depends_on IN (SELECT value FROM json_each(?))',
  );
  // the actor index does not exist: look at the most recent events only (by rowid range)
  const lastTask = db.prepare<
    { project: number; actor: string; prefix: string; types: string; scan: number },
    { id: number }
  >(
    `SELECT e.task_id AS id FROM events e JOIN tasks t ON t.id = e.task_id
     WHERE e.id > (SELECT coalesce(max(id), 0) FROM events) - @scan
       AND e.project_id = @project AND e.task_id IS NOT NULL
       AND (e.actor = @actor OR substr(e.actor, 1, length(@prefix)) = @prefix)
       AND e.type IN (SELECT value FROM json_each(@types))
     ORDER BY e.id DESC LIMIT 1`,
  );

  return {
    /** The first `limit` ready tasks passing `filter` at `now`, by priority (highest first), then id. */
    window(projectId: number, filter: ReadyFilter, now: string, limit: number): TaskRecord[] {
      const conditions = conditionsOf(filter, now);
      const where = conditions.map((c) => ` AND ${c.sql}`).join('');
      const sql = `SELECT ${COLUMNS} FROM tasks WHERE project_id = ? AND ${READY}${where}
                   ORDER BY priority DESC, id LIMIT ?`;
      const params = conditions.flatMap((c) => c.params);
      return (cache.get(sql).all(projectId, ...params, limit) as TaskRow[]).map(toRecord);
    },

    /** Ready tasks, how many pass every filter, and how many each filter (and pausing) leaves out. */
    exclusions(projectId: number, filter: ReadyFilter, now: string) {
      const conditions = conditionsOf(filter, now);
      const sums = conditions.map((c, index) => `, coalesce(sum(NOT (${c.sql})), 0) AS c${index}`);
      const all = conditions.length ? conditions.map((c) => `(${c.sql})`).join(' AND ') : '1';
      const sql = `SELECT count(*) AS ready, coalesce(sum(${all}), 0) AS passing${sums.join('')}
                   FROM tasks WHERE project_id = ? AND ${READY}`;
      const params = conditions.flatMap((c) => c.params);
      const row = cache.get(sql).get(...params, ...params, projectId) as Record<string, number>;
      return {
        ready: row['ready']!,
        passing: row['passing']!,
        excluded: conditions.map((c, index) => ({ key: c.key, count: row[`c${index}`]! })),
      };
    },

    /** Those of `ids` that some task depends on: the only ones worth a walk below. */
    withDependents: (ids: readonly number[]): Set<number> =>
      new Set(withDependents.all(JSON.stringify(ids)).map((row) => row.id)),

    /** Tasks waiting on `taskId`, directly or through others, counted up to `cap`. */
    unblocks: (taskId: number, cap: number): number => unblocks.get({ id: taskId, cap })!.count,

    /**
     * The task of `projectId` that `actor` (or any of its sessions, "actor#session") last acted
     * on with one of `types`, among the newest `scan` events; null when there is none.
     */
    lastTaskOf(
      projectId: number,
      actor: string,
      types: readonly string[],
      scan: number,
    ): number | null {
      const row = lastTask.get({
        project: projectId,
        actor,
        prefix: `${actor}#`,
        types: JSON.stringify(types),
        scan,
      });
      return row?.id ?? null;
    },

    /** In-progress tasks of a project whose lease is still live at `now`, soonest to expire first. */
    liveLeases(projectId: number, now: string, limit: number): LeaseRow[] {
      return cache
        .get(
          `SELECT id, title, status, lease_holder, lease_expires_at FROM tasks
           WHERE project_id = ? AND status = 'in_progress' AND lease_holder IS NOT NULL AND (lease_expires_at IS NULL OR lease_expires_at > ?)
           ORDER BY lease_expires_at, id LIMIT ?`,
        )
        .all(projectId, now, limit) as LeaseRow[];
    },

    /** The live leases among `ids`. */
    leasesOf(ids: readonly number[], now: string): LeaseRow[] {
      if (ids.length === 0) return [];
      return cache
        .get(
          `SELECT id, title, status, lease_holder, lease_expires_at FROM tasks
           WHERE id IN (SELECT value FROM json_each(?)) AND lease_holder IS NOT NULL AND (lease_expires_at IS NULL OR lease_expires_at > ?)`,
        )
        .all(JSON.stringify(ids), now) as LeaseRow[];
    },
  };
}
