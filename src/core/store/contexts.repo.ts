// SQL for saved contexts (compressed blobs, a few versions kept per owner and task) and for the
// handoff records prepare_handoff leaves for whoever resumes a task.
import type { Db } from './database.ts';

export interface ContextRow {
  id: number;
  owner: string;
  task_id: number | null;
  data: Buffer;
  raw_bytes: number;
  saved_by: string;
  saved_at: string;
}

export interface HandoffRow {
  id: number;
  task_id: number;
  owner: string;
  document: string;
  prepared_by: string;
  prepared_at: string;
}

export type ContextsRepo = ReturnType<typeof createContextsRepo>;

const CONTEXT = 'id, owner, task_id, data, raw_bytes, saved_by, saved_at';
const HANDOFF = 'id, task_id, owner, document, prepared_by, prepared_at';

export function createContextsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO contexts (owner, task_id, data, raw_bytes, saved_by, saved_at) VALUES (@owner, @task_id, @data, @raw_bytes, @saved_by, @saved_at)',
  );
  // IS compares NULL task ids as equal: the owner's context outside any task is one key too
  const prune = db.prepare<[string, number | null, string, number | null, number]>(
    `DELETE FROM contexts WHERE owner = ? AND task_id IS ? AND id NOT IN
       (SELECT id FROM contexts WHERE owner = ? AND task_id IS ? ORDER BY id DESC LIMIT ?)`,
  );
  const latestOf = db.prepare<[string, number | null], ContextRow>(
    `SELECT ${CONTEXT} FROM contexts WHERE owner = ? AND task_id IS ? ORDER BY id DESC LIMIT 1`,
  );
  const latestOnTask = db.prepare<[number], ContextRow>(
    `SELECT ${CONTEXT} FROM contexts WHERE task_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const versions = db.prepare<[string, number | null], { count: number }>(
    'SELECT count(*) AS count FROM contexts WHERE owner = ? AND task_id IS ?',
  );
  const insertHandoff = db.prepare(
    'INSERT INTO handoffs (task_id, owner, document, prepared_by, prepared_at) VALUES (@task_id, @owner, @document, @prepared_by, @prepared_at)',
  );
  const latestHandoff = db.prepare<[number], HandoffRow>(
    `SELECT ${HANDOFF} FROM handoffs WHERE task_id = ? ORDER BY id DESC LIMIT 1`,
  );
  const handoffsOf = db.prepare<[string, number], HandoffRow>(
    `SELECT ${HANDOFF} FROM handoffs WHERE owner = ? ORDER BY id DESC LIMIT ?`,
  );

  return {
    /** Stores a version and drops all but the newest `keep` of that owner and task. */
    save: (row: Omit<ContextRow, 'id'>, keep: number): number => {
      const id = Number(insert.run(row).lastInsertRowid);
      prune.run(row.owner, row.task_id, row.owner, row.task_id, keep);
      return id;
    },
    latest: (owner: string, taskId: number | null): ContextRow | undefined =>
      latestOf.get(owner, taskId),
    /** The newest context anyone saved on the task. */
    latestOnTask: (taskId: number): ContextRow | undefined => latestOnTask.get(taskId),
    versions: (owner: string, taskId: number | null): number => versions.get(owner, taskId)!.count,
    addHandoff: (row: Omit<HandoffRow, 'id'>): number =>
      Number(insertHandoff.run(row).lastInsertRowid),
    latestHandoff: (taskId: number): HandoffRow | undefined => latestHandoff.get(taskId),
    handoffsOf: (owner: string, limit: number): HandoffRow[] => handoffsOf.all(owner, limit),
  };
}
