// The window's layout: the app header with the project switcher, and the task list of the
// project the address names (?project=<id or name>), or of the server's current project.
import { useEffect, useSyncExternalStore } from 'react';
import { useProjectAddress } from './features/projects/project-address.ts';
import { ProjectSwitcher } from './features/projects/project-switcher.tsx';
import { TaskListPage } from './features/tasks/task-list-page.tsx';
import { TaskListContext, useTaskListModel } from './features/tasks/use-task-list.ts';

export function App() {
  const { projectRef, choose, confirm } = useProjectAddress();
  const model = useTaskListModel(projectRef);
  const project = useSyncExternalStore(model.onChange, () => model.getState().project);
  useEffect(() => {
    if (project) confirm(project);
  }, [project, confirm]);
  return (
    <TaskListContext value={model}>
      <div className="app">
        <header className="app-header">
          <span className="app-header__mark" aria-hidden="true" />
          <span className="app-header__name">Orchestron</span>
          <span className="app-header__hint">local task orchestrator</span>
          <ProjectSwitcher onChoose={choose} />
        </header>
        <TaskListPage />
      </div>
    </TaskListContext>
  );
}
