// Storing what planning computed: the score and hours on the task (a new version and a
// task.updated event when they change, as update_task would record them) and the analyses
// behind them, which get_task shows with include_analysis. Runs inside the caller's write.
import type { CallContext } from '../call-context.ts';
import type { CoreServices } from '../core-service.ts';
import type { AnalysisKind, TaskAnalysesRepo } from '../store/task-analyses.repo.ts';
import type { TaskWrite } from '../store/task-rows.ts';
import { requireTask } from '../tasks/task-errors.ts';

export interface PlanningValues {
  complexity_score?: number;
  estimated_hours?: number;
}

/** Writes `values` and `analyses` for task `taskId`; returns the fields that changed. */
export function storePlanning(
  services: CoreServices,
  analyses: TaskAnalysesRepo,
  taskId: number,
  values: PlanningValues,
  results: readonly (readonly [AnalysisKind, unknown])[],
  context: CallContext,
): string[] {
  const { store, clock, emit } = services;
  const current = requireTask(store, taskId);
  const changed = (Object.keys(values) as (keyof PlanningValues)[]).filter(
    (field) => values[field] !== current[field],
  );
  const now = clock.now();
  if (changed.length > 0) {
    const next = { ...current, ...values, version: current.version + 1, updated_at: now };
    store.tasks.update(current.id, next as unknown as TaskWrite);
    emit.taskUpdated(
      context,
      current,
      Object.fromEntries(changed.map((field) => [field, current[field]])),
      Object.fromEntries(changed.map((field) => [field, values[field]])),
    );
  }
  for (const [kind, result] of results)
    analyses.save(current.id, kind, result, { analyzed_at: now, analyzed_by: context.actor });
  return changed;
}
