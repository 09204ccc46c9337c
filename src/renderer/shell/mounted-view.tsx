// Mounts the views other features provide (graph, inbox, agents) by their agreed paths and
// export names, loaded on first use. A view whose file is not there yet shows a placeholder, and
// one that throws shows its error in its place rather than taking the window down.
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import type { ProjectSummary } from '../features/tasks/project-lookup.ts';
import { VIEW_LABELS, type ViewName } from './views.ts';

/** What the shell passes every view it mounts. */
export interface ShellViewProps {
  project: ProjectSummary;
  projectId: number;
}

type ViewModule = Record<string, ComponentType<ShellViewProps> | undefined>;

// literal paths: Vite resolves the glob at build time, and an absent file simply matches nothing
const MODULES = import.meta.glob<ViewModule>([
  '../features/graph/graph-view.tsx',
  '../features/inbox/inbox-view.tsx',
  '../features/agents/agents-view.tsx',
]);

const SOURCES: Record<Exclude<ViewName, 'list'>, { path: string; name: string }> = {
  graph: { path: '../features/graph/graph-view.tsx', name: 'GraphView' },
  inbox: { path: '../features/inbox/inbox-view.tsx', name: 'InboxView' },
  agents: { path: '../features/agents/agents-view.tsx', name: 'AgentsView' },
};

function placeholder(view: ViewName): ComponentType<ShellViewProps> {
  return function NotYetAvailable() {
    return (
      <div className="view-placeholder">
        <h2>{VIEW_LABELS[view]}</h2>
        <p className="muted">This view is not part of this build yet.</p>
      </div>
    );
  };
}

/**
 * A view loaded on first use. Once its module is in, it renders directly: a lazy component that
 * suspends, even for a module already loaded, holds its content back for React's fallback
 * throttle (about 300 ms), which a person opening the window would wait through.
 */
interface LoadableView {
  lazy: ComponentType<ShellViewProps>;
  /** The component once its module is in; null until then. */
  loaded: ComponentType<ShellViewProps> | null;
  preload(): Promise<unknown>;
}

function loadView(view: Exclude<ViewName, 'list'>): LoadableView {
  const { path, name } = SOURCES[view];
  const load = MODULES[path];
  if (!load) {
    const missing = placeholder(view);
    return { lazy: missing, loaded: missing, preload: () => Promise.resolve() };
  }
  let module: Promise<{ default: ComponentType<ShellViewProps> }> | null = null;
  const fetchModule = () =>
    (module ??= load().then((loaded) => {
      const component = loaded[name] ?? placeholder(view);
      loadable.loaded = component;
      return { default: component };
    }));
  const loadable: LoadableView = { lazy: lazy(fetchModule), loaded: null, preload: fetchModule };
  return loadable;
}

const VIEW_COMPONENTS = {
  graph: loadView('graph'),
  inbox: loadView('inbox'),
  agents: loadView('agents'),
};

/** Starts loading a view's code ahead of showing it (the view the window opens on). */
export function preloadView(view: ViewName): void {
  if (view !== 'list') void VIEW_COMPONENTS[view].preload().catch(() => undefined);
}

class ViewBoundary extends Component<
  { children: ReactNode; view: ViewName },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-banner" role="alert">
        <div className="error-banner__text">
          <strong className="error-banner__headline">
            The {VIEW_LABELS[this.props.view]} view failed
          </strong>
          <p className="error-banner__message">{this.state.error.message}</p>
        </div>
        <div className="error-banner__actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Retry
          </button>
        </div>
      </div>
    );
  }
}

/**
 * The view's component, chosen once per mount: switching from the lazy one to the loaded one
 * later would be a different component to React, which would mount the view afresh.
 */
function ViewContent({
  view,
  project,
}: {
  view: Exclude<ViewName, 'list'>;
  project: ProjectSummary;
}) {
  const [View] = useState(() => VIEW_COMPONENTS[view].loaded ?? VIEW_COMPONENTS[view].lazy);
  return <View project={project} projectId={project.id} />;
}

export function MountedView({
  view,
  project,
}: {
  view: Exclude<ViewName, 'list'>;
  project: ProjectSummary;
}) {
  return (
    <ViewBoundary key={view} view={view}>
      <Suspense fallback={<p className="muted view-loading">Loading…</p>}>
        <ViewContent view={view} project={project} />
      </Suspense>
    </ViewBoundary>
  );
}
