// SQL for a task's progress: the percent column, the notes that came with each report, and the
// checkpoints (named, ordered steps) progress is derived from when a task has them.
import type { Db } from './database.ts';

export interface ProgressNote {
  percent: number;
  note: string | null;
  actor: string;
  at: string;
}

export interface Checkpoint {
  position: number;
  name: string;
  done: boolean;
  done_at: string | null;
}

interface CheckpointRow {
  position: number;
  name: string;
  done: number;
  done_at: string | null;
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>;

export function createProgressRepo(db: Db) {
  const setProgress = db.prepare<[number, string, number]>(
    'UPDATE tasks SET progress = ?, version = version + 1, updated_at = ? WHERE id = ?',
  );
  const insertNote = db.prepare(
    'INSERT INTO progress_notes (task_id, percent, note, actor, at) VALUES (@task_id, @percent, @note, @actor, @at)',
  );
  const latestNotes = db.prepare<[number, number], ProgressNote>(
    'SELECT percent, note, actor, at FROM progress_notes WHERE task_id = ? ORDER BY id DESC LIMIT ?',
  );
  const steps = db.prepare<[number], CheckpointRow>(
    'SELECT position, name, done, done_at FROM checkpoints WHERE task_id = ? ORDER BY position',
  );
  const clearSteps = db.prepare<[number]>('DELETE FROM checkpoints WHERE task_id = ?');
  const insertStep = db.prepare(
    'INSERT INTO checkpoints (task_id, position, name, done, done_at) VALUES (@task_id, @position, @name, @done, @done_at)',
  );
  const markStep = db.prepare<[number, string | null, number, number]>(
    'UPDATE checkpoints SET done = ?, done_at = ? WHERE task_id = ? AND position = ?',
  );

  const toCheckpoint = (row: CheckpointRow): Checkpoint => ({ ...row, done: row.done === 1 });

  return {
    /** Sets the percent and counts it as a change of the task (version and updated_at). */
    setProgress: (taskId: number, percent: number, at: string): void =>
      void setProgress.run(percent, at, taskId),
    addNote: (taskId: number, note: ProgressNote): void =>
      void insertNote.run({ task_id: taskId, ...note }),
    /** The newest notes first. */
    latestNotes: (taskId: number, limit: number): ProgressNote[] => latestNotes.all(taskId, limit),
    checkpoints: (taskId: number): Checkpoint[] => steps.all(taskId).map(toCheckpoint),
    replaceCheckpoints: (taskId: number, list: readonly Checkpoint[]): void => {
      clearSteps.run(taskId);
      for (const step of list)
        insertStep.run({ task_id: taskId, ...step, done: step.done ? 1 : 0 });
    },
    markCheckpoint: (taskId: number, position: number, doneAt: string | null): void =>
      void markStep.run(doneAt === null ? 0 : 1, doneAt, taskId, position),
  };
}
