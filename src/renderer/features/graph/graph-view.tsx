// The graph editor of one project: toolbar, canvas, palette, dialogs and the messages of the
// last failure or undo. Mount it with the project the page shows (null: the current project).
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { CommandPalette } from './command-palette.tsx';
import { DeleteDialog } from './delete-dialog.tsx';
import { GraphCanvas } from './graph-canvas.tsx';
import { flyTo } from './fly-to.ts';
import { NODE_SIZE } from './layout-input.ts';
import { GraphToolbar } from './graph-toolbar.tsx';
import { GraphModelContext, useGraph, useGraphModel, useGraphModelFor } from './use-graph.ts';
import type { GraphModel } from './graph-model.ts';

export interface GraphViewProps {
  /** The project shown; the server's current project when left out. */
  projectId?: number;
}

/** The shell passes { project, projectId }; only the id is used (the model reads the rest). */
export function GraphView({ projectId }: GraphViewProps) {
  const model = useGraphModelFor(projectId === undefined ? null : String(projectId));
  return (
    <GraphModelContext value={model}>
      <ReactFlowProvider>
        <GraphEditorPage />
      </ReactFlowProvider>
    </GraphModelContext>
  );
}

/** Whether a key press belongs to a text field rather than to the graph's shortcuts. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target?.closest('input, textarea, select, [contenteditable="true"]');
}

function useShortcuts(model: GraphModel, newTask: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const state = model.store.getState();
      if (command && key === 'k') state.openPalette('focus');
      else if (command && key === 'z' && event.shiftKey) void model.redo();
      else if (command && key === 'y') void model.redo();
      else if (command && key === 'z') void model.undo();
      else if (typing(event) || command || event.altKey || state.palette) return;
      else if (key === 'n') newTask();
      else if (key === 'd' && state.selected.size === 1) state.openPalette('depend');
      else if (key === 'l') void model.editor.autoLayout({ record: true });
      else if (key === 'escape') state.setRefused(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [model, newTask]);
}

function Messages() {
  const model = useGraphModel();
  const error = useGraph((state) => state.error);
  const notice = useGraph((state) => state.notice);
  const loadError = useGraph((state) => state.loadError);
  const store = model.store.getState;
  return (
    <>
      {loadError && <ErrorBanner error={loadError} onRetry={() => model.retry()} />}
      {error && <ErrorBanner error={error} onDismiss={() => store().showError(null)} />}
      {notice && (
        <div className="graph-notice" role="status">
          {notice}
          <button type="button" className="button--quiet" onClick={() => store().showNotice(null)}>
            OK
          </button>
        </div>
      )}
    </>
  );
}

function GraphEditorPage() {
  const model = useGraphModel();
  const flow = useReactFlow();
  const phase = useGraph((state) => state.phase);
  const count = useGraph((state) => state.data.tasks.size);
  const project = useGraph((state) => state.project);

  const newTask = useCallback(() => {
    const box = document.querySelector('.graph-canvas')?.getBoundingClientRect();
    const centre = box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    model.store.getState().setDraft({ x: Math.round(centre.x), y: Math.round(centre.y) });
  }, [flow, model]);

  const focusTask = useCallback(
    (id: number) => {
      const state = model.store.getState();
      const task = state.data.tasks.get(id);
      if (!task) return;
      // a task hidden by a filter or folded into a parent is shown before focusing it
      state.setFilters({ statuses: [], tag: null, assignee: null, agent: null });
      const ancestors: number[] = [];
      for (let p = task.parent_id; p !== null; p = state.data.tasks.get(p)?.parent_id ?? null)
        ancestors.push(p);
      state.expand(ancestors);
      state.setSelected(new Set([id]));
      const { x, y } = task.position ?? { x: 0, y: 0 };
      // focused once there: a node focused mid-flight would pan React Flow to it at that zoom
      const centre = { x: x + NODE_SIZE.width / 2, y: y + NODE_SIZE.height / 2 };
      void flyTo(flow, model.store, centre, Math.max(flow.getZoom(), 1)).then(() =>
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.focus(),
        ),
      );
    },
    [flow, model],
  );

  useShortcuts(model, newTask);

  return (
    <section className="graph-page" aria-label={project ? `Graph of ${project.name}` : 'Graph'}>
      <GraphToolbar onNewTask={newTask} />
      <Messages />
      {phase === 'loading' && <p className="graph-page__status">Loading the graph…</p>}
      {phase === 'ready' && count === 0 && (
        <p className="graph-page__status graph-page__empty">
          No tasks yet. Double-click the canvas or press <kbd>N</kbd> to create one.
        </p>
      )}
      <GraphCanvas />
      <CommandPalette onFocusTask={focusTask} />
      <DeleteDialog />
    </section>
  );
}
