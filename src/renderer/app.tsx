// The window's layout: the app header and the task list of the project named in the address
// (?project=<id or name>), or of the default project.
import { TaskListPage } from './features/tasks/task-list-page.tsx';

function projectFromAddress(): string | null {
  const value = new URLSearchParams(window.location.search).get('project')?.trim();
  return value ? value : null;
}

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-header__mark" aria-hidden="true" />
        <span className="app-header__name">Orchestron</span>
        <span className="app-header__hint">local task orchestrator</span>
      </header>
      <TaskListPage projectRef={projectFromAddress()} />
    </div>
  );
}
