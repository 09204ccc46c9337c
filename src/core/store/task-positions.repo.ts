// SQL for editor positions: read which of some tasks belong to a project, and write x/y without
// touching version or updated_at (layout is not an edit of the task).
import type { Db } from './database.ts';

export interface TaskPosition {
  task_id: number;
  x: number;
  y: number;
}

export type TaskPositionsRepo = ReturnType<typeof createTaskPositionsRepo>;

export function createTaskPositionsRepo(db: Db) {
  const inProject = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM tasks WHERE project_id = ? AND id IN (SELECT value FROM json_each(?))',
  );
  const move = db.prepare<[number, number, number]>(
    'UPDATE tasks SET position_x = ?, position_y = ? WHERE id = ?',
  );
  return {
    /** Which of these ids are tasks of the project. */
    idsInProject(projectId: number, ids: readonly number[]): Set<number> {
      const rows = inProject.all(projectId, JSON.stringify(ids));
      return new Set(rows.map((row) => row.id));
    },
    move(positions: readonly TaskPosition[]): void {
      for (const { task_id, x, y } of positions) move.run(x, y, task_id);
    },
  };
}
