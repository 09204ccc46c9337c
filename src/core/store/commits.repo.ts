// SQL for commits linked to tasks.
import type { Commit } from '../../shared/operations/commits.ops.ts';
import type { Db } from './database.ts';

export type CommitsRepo = ReturnType<typeof createCommitsRepo>;

export function createCommitsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO commits (task_id, hash, message, author, linked_at, linked_by) VALUES (@task_id, @hash, @message, @author, @linked_at, @linked_by)',
  );
  const one = db.prepare<[number, string], Commit>(
    'SELECT hash, message, author, linked_at, linked_by FROM commits WHERE task_id = ? AND hash = ?',
  );
  const ofTask = db.prepare<[number], Commit>(
    'SELECT hash, message, author, linked_at, linked_by FROM commits WHERE task_id = ? ORDER BY id',
  );
  const ofProject = db.prepare<[number], Commit & { task_id: number }>(
    `SELECT c.task_id, c.hash, c.message, c.author, c.linked_at, c.linked_by FROM commits c
     JOIN tasks t ON t.id = c.task_id WHERE t.project_id = ? ORDER BY c.id`,
  );

  return {
    /** False when this commit was already linked to the task. */
    insert: (commit: Commit & { task_id: number }): boolean => insert.run(commit).changes > 0,
    get: (taskId: number, hash: string): Commit | undefined => one.get(taskId, hash),
    ofTask: (taskId: number): Commit[] => ofTask.all(taskId),
    ofProject: (projectId: number) => ofProject.all(projectId),
  };
}
