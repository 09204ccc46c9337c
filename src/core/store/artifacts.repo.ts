// SQL for the artifact index: one row per (task, name); the content is a file beside the
// database (see artifact-files.ts), written before the row and removed with the task.
import type { Db } from './database.ts';

export interface ArtifactRow {
  id: number;
  task_id: number;
  name: string;
  size: number;
  sha256: string;
  media_type: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type ArtifactsRepo = ReturnType<typeof createArtifactsRepo>;

const COLUMNS = 'id, task_id, name, size, sha256, media_type, created_by, created_at, updated_at';

export function createArtifactsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO artifacts (task_id, name, size, sha256, media_type, created_by, created_at, updated_at)
     VALUES (@task_id, @name, @size, @sha256, @media_type, @created_by, @created_at, @updated_at)`,
  );
  const replace = db.prepare(
    `UPDATE artifacts SET size = @size, sha256 = @sha256, media_type = @media_type,
       created_by = @created_by, updated_at = @updated_at WHERE id = @id`,
  );
  const byName = db.prepare<[number, string], ArtifactRow>(
    `SELECT ${COLUMNS} FROM artifacts WHERE task_id = ? AND name = ?`,
  );
  const ofTask = db.prepare<[number], ArtifactRow>(
    `SELECT ${COLUMNS} FROM artifacts WHERE task_id = ? ORDER BY name`,
  );

  return {
    insert: (row: Omit<ArtifactRow, 'id'>): number => Number(insert.run(row).lastInsertRowid),
    replace: (
      row: Pick<ArtifactRow, 'id' | 'size' | 'sha256' | 'media_type' | 'created_by' | 'updated_at'>,
    ): void => void replace.run(row),
    /** Names compare without regard to case, as the files they name do on macOS and Windows. */
    get: (taskId: number, name: string): ArtifactRow | undefined => byName.get(taskId, name),
    ofTask: (taskId: number): ArtifactRow[] => ofTask.all(taskId),
  };
}
