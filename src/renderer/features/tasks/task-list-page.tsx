// The page body: the project's name and task count, the table of tasks paged with
// "Load more", the empty state, and any failure shown above the table. Each part reads only
// the state it shows, so an event that changes one row re-renders that row alone.
import { ErrorBanner } from '../../components/error-banner.tsx';
import { EmptyState } from './empty-state.tsx';
import { LiveIndicator } from './live-indicator.tsx';
import { TaskTable } from './task-table.tsx';
import { useTaskList, useTaskListContext } from './use-task-list.ts';

function countText(count: number, shown: number): string {
  const total = `${count} ${count === 1 ? 'task' : 'tasks'}`;
  return shown < count ? `${total} · showing ${shown}` : total;
}

function Heading() {
  const model = useTaskListContext();
  const name = useTaskList((state) => state.project?.name);
  const ready = useTaskList((state) => state.phase === 'ready');
  const count = useTaskList((state) => state.count);
  const shown = useTaskList((state) => state.tasks.length);
  return (
    <div className="task-list__heading">
      <h1 className="project-name">{name ?? model.projectRef ?? 'Project'}</h1>
      {ready && <p className="task-count">{countText(count, shown)}</p>}
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

function LoadMore() {
  const model = useTaskListContext();
  const hasMore = useTaskList((state) => state.hasMore);
  const loadingMore = useTaskList((state) => state.loadingMore);
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" onClick={() => void model.loadMore()} disabled={loadingMore}>
        {loadingMore ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}

export function TaskListPage() {
  const phase = useTaskList((state) => state.phase);
  const empty = useTaskList((state) => state.phase === 'ready' && state.count === 0);
  const project = useTaskList((state) => state.project);
  return (
    <main className="task-list">
      <Heading />
      <ListError />
      {phase === 'loading' && <p className="muted">Loading tasks…</p>}
      {empty && project && <EmptyState project={project} />}
      <TaskTable />
      <LoadMore />
    </main>
  );
}
