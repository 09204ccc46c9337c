// A workflow run's state as callers read it: per-task states, progress and timings, and a few
// readable lines (the CLI's `orchestron status`).
import type { WorkflowRun, WorkflowTask } from '../../shared/operations/workflows.ops.ts';

const DONE = new Set(['passed', 'done_before']);

export function describeStatus(run: WorkflowRun, tasks: WorkflowTask[]) {
  const progress = {
    done: tasks.filter((task) => DONE.has(task.state)).length,
    total: tasks.length,
    failed: tasks.filter((task) => task.state === 'failed').length,
    running: tasks.filter((task) => task.state === 'running' || task.state === 'retrying').length,
  };
  const duration_ms =
    run.finished_at === null ? null : Date.parse(run.finished_at) - Date.parse(run.started_at);
  const lines = [
    `Workflow run ${run.id}: ${run.status}${run.control ? ` (${run.control} requested)` : ''} — ${progress.done}/${progress.total} done, ${progress.failed} failed${duration_ms === null ? '' : `, ${(duration_ms / 1000).toFixed(1)} s`}`,
    ...tasks.map(
      (task) =>
        `  #${task.task_id} ${task.state.padEnd(11)} ${task.title}${task.attempts > 1 ? ` (${task.attempts} attempts)` : ''}${task.note ? ` — ${task.note}` : ''}`,
    ),
  ];
  return { run, tasks, progress, duration_ms, summary: lines.join('\n') };
}
