// The window: a header (mark, views, project switcher and menu) over the view shown, with the
// inspector beside the graph and the list for the selected task. The project comes from the
// address (?project=) or the server's current one, found by the task list model, which every
// view shares.
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { InspectorPanel } from '../features/inspector/inspector-panel.tsx';
import { useProjectAddress } from '../features/projects/project-address.ts';
import { ProjectMenu } from '../features/projects/project-menu.tsx';
import { ProjectSwitcher } from '../features/projects/project-switcher.tsx';
import { TaskListPage } from '../features/tasks/task-list-page.tsx';
import { TaskListContext, useTaskListModel } from '../features/tasks/use-task-list.ts';
import { useSelection } from '../stores/selection.ts';
import { MountedView, preloadView } from './mounted-view.tsx';
import { ShellContext, type ShellApi } from './shell-context.ts';
import { useView } from './use-view.ts';
import { showsInspector } from './views.ts';
import { ViewTabs } from './view-tabs.tsx';

function ViewPanel({
  view,
  project,
}: {
  view: ReturnType<typeof useView>[0];
  project: ShellApi['project'];
}) {
  if (view === 'list') return <TaskListPage />;
  if (!project) return <p className="muted view-loading">Loading the project…</p>;
  return <MountedView view={view} project={project} />;
}

export function AppShell() {
  const { projectRef, choose, confirm } = useProjectAddress();
  const model = useTaskListModel(projectRef);
  const project = useSyncExternalStore(model.onChange, () => model.getState().project);
  const [view, showView] = useView();
  const selected = useSelection((state) => state.selectedTaskId);
  const select = useSelection((state) => state.select);
  // the view's code loads while the project is being found, not after
  useEffect(() => preloadView(view), [view]);
  // behind the other views the list reads its first page only (the project and the count)
  useEffect(() => model.setShown(view === 'list'), [model, view]);
  useEffect(() => {
    if (project) confirm(project);
  }, [project, confirm]);
  // a task of the project left behind is no longer shown
  const projectId = project?.id;
  const shownProject = useRef(projectId);
  useEffect(() => {
    if (shownProject.current === projectId) return;
    shownProject.current = projectId;
    select(null);
  }, [projectId, select]);
  const shell = useMemo<ShellApi>(() => ({ project, showView }), [project, showView]);
  const inspecting = showsInspector(view) && selected !== null;
  return (
    <TaskListContext value={model}>
      <ShellContext value={shell}>
        <div className="app">
          <header className="app-header">
            <span className="app-header__mark" aria-hidden="true" />
            <span className="app-header__name">Orchestron</span>
            <ViewTabs view={view} onChoose={showView} />
            <ProjectSwitcher onChoose={choose} />
            <ProjectMenu onChoose={choose} />
          </header>
          <div className={`app-body${inspecting ? ' app-body--inspecting' : ''}`}>
            <div
              className="app-view"
              role="tabpanel"
              id="view-panel"
              aria-labelledby={`tab-${view}`}
            >
              <ViewPanel view={view} project={project} />
            </div>
            {inspecting && <InspectorPanel key={selected} taskId={selected} />}
          </div>
        </div>
      </ShellContext>
    </TaskListContext>
  );
}
