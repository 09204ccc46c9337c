// SQL for the lists hanging off a task: tags and file references, read in bulk for a page.
import type { FileRef } from '../../shared/tasks/task.schema.ts';
import type { Db } from './database.ts';

export type TaskDetailsRepo = ReturnType<typeof createTaskDetailsRepo>;

function groupBy<T extends { task_id: number }, V>(
  rows: T[],
  value: (row: T) => V,
): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const list = groups.get(row.task_id);
    if (list) list.push(value(row));
    else groups.set(row.task_id, [value(row)]);
  }
  return groups;
}

export function createTaskDetailsRepo(db: Db) {
  const insertTag = db.prepare('INSERT INTO task_tags (task_id, tag, position) VALUES (?, ?, ?)');
  const deleteTags = db.prepare('DELETE FROM task_tags WHERE task_id = ?');
  const tagsOf = db.prepare<[string], { task_id: number; tag: string }>(
    'SELECT task_id, tag FROM task_tags WHERE task_id IN (SELECT value FROM json_each(?)) ORDER BY task_id, position',
  );
  const insertRef = db.prepare(
    'INSERT INTO file_refs (task_id, position, path, line_start, line_end, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const deleteRefs = db.prepare('DELETE FROM file_refs WHERE task_id = ?');
  const refsOf = db.prepare<[string], FileRef & { task_id: number }>(
    `SELECT task_id, path, line_start, line_end, note FROM file_refs
     WHERE task_id IN (SELECT value FROM json_each(?)) ORDER BY task_id, position`,
  );

  const addTags = (taskId: number, tags: readonly string[]): void =>
    tags.forEach((tag, position) => insertTag.run(taskId, tag, position));
  const addFileRefs = (taskId: number, refs: readonly FileRef[]): void =>
    refs.forEach((ref, position) =>
      insertRef.run(taskId, position, ref.path, ref.line_start, ref.line_end, ref.note),
    );

  return {
    /** Tags of a task that has none yet (a new one). */
    addTags,
    /** File references of a task that has none yet (a new one). */
    addFileRefs,
    replaceTags(taskId: number, tags: readonly string[]): void {
      deleteTags.run(taskId);
      addTags(taskId, tags);
    },
    replaceFileRefs(taskId: number, refs: readonly FileRef[]): void {
      deleteRefs.run(taskId);
      addFileRefs(taskId, refs);
    },
    tagsOf: (ids: readonly number[]) => groupBy(tagsOf.all(JSON.stringify(ids)), (row) => row.tag),
    fileRefsOf: (ids: readonly number[]) =>
      groupBy(refsOf.all(JSON.stringify(ids)), ({ path, line_start, line_end, note }) => ({
        path,
        line_start,
        line_end,
        note,
      })),
  };
}
