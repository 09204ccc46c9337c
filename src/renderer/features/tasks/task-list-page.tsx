// The page body: the project's name and task count, the table of tasks paged with
// "Load more", the empty state, and any failure shown above the table.
import { ErrorBanner } from '../../components/error-banner.tsx';
import { EmptyState } from './empty-state.tsx';
import { TaskTable } from './task-table.tsx';
import { useTaskList } from './use-task-list.ts';

function countText(count: number, shown: number): string {
  const total = `${count} ${count === 1 ? 'task' : 'tasks'}`;
  return shown < count ? `${total} · showing ${shown}` : total;
}

export function TaskListPage({ projectRef }: { projectRef: string | null }) {
  const { state, model } = useTaskList(projectRef);
  const { phase, tasks, count, nextCursor, error } = state;
  return (
    <main className="task-list">
      <div className="task-list__heading">
        <h1 className="project-name">{state.projectName ?? projectRef ?? 'Project'}</h1>
        {phase === 'ready' && <p className="task-count">{countText(count, tasks.length)}</p>}
      </div>
      {error && (
        <ErrorBanner
          error={error}
          onRetry={() => model.retry()}
          onDismiss={phase === 'ready' ? () => model.dismissError() : undefined}
        />
      )}
      {phase === 'loading' && <p className="muted">Loading tasks…</p>}
      {phase === 'ready' && count === 0 && <EmptyState />}
      {tasks.length > 0 && <TaskTable tasks={tasks} />}
      {nextCursor !== null && (
        <div className="load-more">
          <button type="button" onClick={() => void model.loadMore()} disabled={state.loadingMore}>
            {state.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </main>
  );
}
