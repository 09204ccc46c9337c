// The list view: the project's name and task count, the filters, the virtualised table of every
// task, the empty state, and any failure shown above the table. Each part reads only the state
// it shows, so an event that changes one row re-renders that row alone.
import { useMemo } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { EmptyState } from '../projects/empty-state.tsx';
import { LiveIndicator } from './live-indicator.tsx';
import { ListControls } from './list-controls.tsx';
import { useListOptions } from './list-options.ts';
import { visibleRows } from './list-view.ts';
import { TaskTable } from './task-table.tsx';
import { useTaskList, useTaskListContext } from './use-task-list.ts';

/** "60 tasks", "60 tasks · loading 50" while pages come in, "60 tasks · 12 match" when filtered. */
export function countText(count: number, loaded: number, matching: number): string {
  const total = `${count} ${count === 1 ? 'task' : 'tasks'}`;
  if (loaded < count) return `${total} · loading ${loaded}`;
  return matching < loaded ? `${total} · ${matching} match` : total;
}

function Heading() {
  const model = useTaskListContext();
  const name = useTaskList((state) => state.project?.name);
  const ready = useTaskList((state) => state.phase === 'ready');
  const count = useTaskList((state) => state.count);
  const tasks = useTaskList((state) => state.tasks);
  const options = useListOptions((state) => state.options);
  const matching = useMemo(() => visibleRows(tasks, options).length, [tasks, options]);
  return (
    <div className="task-list__heading">
      <h1 className="project-name">{name ?? model.projectRef ?? 'Project'}</h1>
      {ready && <p className="task-count">{countText(count, tasks.length, matching)}</p>}
      <LiveIndicator />
    </div>
  );
}

function ListError() {
  const model = useTaskListContext();
  const error = useTaskList((state) => state.error);
  const ready = useTaskList((state) => state.phase === 'ready');
  if (!error) return null;
  return (
    <ErrorBanner
      error={error}
      onRetry={() => model.retry()}
      onDismiss={ready ? () => model.dismissError() : undefined}
    />
  );
}

export function TaskListPage() {
  const phase = useTaskList((state) => state.phase);
  const empty = useTaskList((state) => state.phase === 'ready' && state.count === 0);
  const project = useTaskList((state) => state.project);
  return (
    <main className="task-list" aria-label="Task list">
      <Heading />
      <ListError />
      {phase === 'loading' && <p className="muted">Loading tasks…</p>}
      {empty && project && <EmptyState project={project} />}
      {!empty && phase === 'ready' && <ListControls />}
      <TaskTable />
    </main>
  );
}
