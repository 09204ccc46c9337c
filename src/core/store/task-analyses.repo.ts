// SQL for planning: the latest analysis of each kind per task (why its complexity score and
// estimated hours are what they are), and the project's completed tasks with the times they
// were started and finished, which the history factor and effort calibration learn from.
import type { Db } from './database.ts';

export type AnalysisKind = 'complexity' | 'effort';

export interface StoredAnalysis {
  kind: AnalysisKind;
  analyzed_at: string;
  analyzed_by: string;
  result: unknown;
}

/** A completed task with measurable work: it was started and finished. */
export interface FinishedTask {
  id: number;
  title: string;
  code_language: string | null;
  complexity_score: number | null;
  started_at: string;
  completed_at: string;
}

/** The newest completed tasks read at most: recent work is the better guide, and it bounds the read. */
export const FINISHED_READ = 500;

export type TaskAnalysesRepo = ReturnType<typeof createTaskAnalysesRepo>;

export function createTaskAnalysesRepo(db: Db) {
  const save = db.prepare(
    `INSERT INTO task_analyses (task_id, kind, result, analyzed_at, analyzed_by)
     VALUES (@task_id, @kind, @result, @analyzed_at, @analyzed_by)
     ON CONFLICT (task_id, kind) DO UPDATE SET result = excluded.result,
       analyzed_at = excluded.analyzed_at, analyzed_by = excluded.analyzed_by`,
  );
  const ofTask = db.prepare<
    [number],
    { kind: AnalysisKind; result: string; analyzed_at: string; analyzed_by: string }
  >(
    `SELECT kind, result, analyzed_at, analyzed_by FROM task_analyses WHERE task_id = ?
     ORDER BY kind = 'effort', kind`,
  );
  const finished = db.prepare<[number, number], FinishedTask>(
    `SELECT id, title, code_language, complexity_score, started_at, completed_at FROM tasks
     WHERE project_id = ? AND status = 'completed'
       AND started_at IS NOT NULL AND completed_at IS NOT NULL
     ORDER BY id DESC LIMIT ?`,
  );

  return {
    save: (
      taskId: number,
      kind: AnalysisKind,
      result: unknown,
      at: { analyzed_at: string; analyzed_by: string },
    ): void => void save.run({ task_id: taskId, kind, result: JSON.stringify(result), ...at }),
    /** The task's latest complexity analysis, then its latest effort estimate, where they exist. */
    ofTask: (taskId: number): StoredAnalysis[] =>
      ofTask.all(taskId).map((row) => ({ ...row, result: JSON.parse(row.result) as unknown })),
    /** The project's newest completed tasks that were started (so their duration is measured). */
    finished: (projectId: number): FinishedTask[] => finished.all(projectId, FINISHED_READ),
  };
}
