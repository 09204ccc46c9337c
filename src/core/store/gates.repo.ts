// SQL for approval gates and clarifications: the tasks waiting in review with who submitted
// them (read from the event log, which records every move), the last rejection of a task, and
// the person's clarifications of a task.
import type { Db } from './database.ts';

export interface ReviewRow {
  id: number;
  title: string;
  priority: number;
  project_id: number;
  project: string;
  submitted_by: string | null;
  submitted_at: string | null;
}

export interface ReviewQuery {
  project_id: number | null;
  after: number;
  limit: number;
}

export interface Clarification {
  text: string;
  author: string;
  at: string;
}

export interface Rejection {
  reason: string;
  by: string;
  at: string;
}

/** The latest event that moved task `t` into review. */
const LAST_SUBMISSION = `SELECT max(id) FROM events
  WHERE task_id = t.id AND type = 'task.status_changed' AND after ->> '$.status' = 'review'`;

export type GatesRepo = ReturnType<typeof createGatesRepo>;

export function createGatesRepo(db: Db) {
  const reviews = db.prepare<ReviewQuery, ReviewRow>(
    `SELECT t.id, t.title, t.priority, t.project_id, p.name AS project,
            e.actor AS submitted_by, e.at AS submitted_at
     FROM tasks t JOIN projects p ON p.id = t.project_id
     LEFT JOIN events e ON e.id = (${LAST_SUBMISSION})
     WHERE t.status = 'review' AND (@project_id IS NULL OR t.project_id = @project_id) AND t.id > @after
     ORDER BY t.id LIMIT @limit`,
  );
  const reviewCount = db.prepare<{ project_id: number | null }, { count: number }>(
    `SELECT count(*) AS count FROM tasks
     WHERE status = 'review' AND (@project_id IS NULL OR project_id = @project_id)`,
  );
  const submission = db.prepare<[number], { actor: string; at: string }>(
    `SELECT e.actor, e.at FROM (SELECT ? AS id) AS t JOIN events e ON e.id = (${LAST_SUBMISSION})`,
  );
  const lastRejection = db.prepare<[number], Rejection>(
    `SELECT after ->> '$.reason' AS reason, actor AS by, at FROM events
     WHERE task_id = ? AND type = 'task.rejected' ORDER BY id DESC LIMIT 1`,
  );
  const insertClarification = db.prepare<[number, string, string, string]>(
    'INSERT INTO clarifications (task_id, text, author, created_at) VALUES (?, ?, ?, ?)',
  );
  const recentClarifications = db.prepare<[number, number], Clarification>(
    `SELECT text, author, at FROM (
       SELECT id, text, author, created_at AS at FROM clarifications
       WHERE task_id = ? ORDER BY id DESC LIMIT ?
     ) ORDER BY id`,
  );
  const clarificationCount = db.prepare<[number], { count: number }>(
    'SELECT count(*) AS count FROM clarifications WHERE task_id = ?',
  );

  return {
    /** Tasks in review, oldest id first, with the actor and time of their move into review. */
    reviews: (query: ReviewQuery): ReviewRow[] => reviews.all(query),
    reviewCount: (projectId: number | null): number =>
      reviewCount.get({ project_id: projectId })!.count,
    /** Who moved the task into review last, and when; undefined if it never was. */
    submission: (taskId: number): { actor: string; at: string } | undefined =>
      submission.get(taskId),
    lastRejection: (taskId: number): Rejection | null => lastRejection.get(taskId) ?? null,
    addClarification: (taskId: number, text: string, author: string, at: string): number =>
      Number(insertClarification.run(taskId, text, author, at).lastInsertRowid),
    /** The last `limit` clarifications of a task, oldest first. */
    clarifications: (taskId: number, limit: number): Clarification[] =>
      recentClarifications.all(taskId, limit),
    clarificationCount: (taskId: number): number => clarificationCount.get(taskId)!.count,
  };
}
