// The React Flow canvas: tasks and dependencies from the store, drag to move (saved on drop),
// drag handle to handle to add a dependency, Delete to remove, double-click to create a task,
// arrow keys to move the selected tasks (saved when the key is let go).
import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnBeforeDelete,
  type OnNodeDrag,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from 'zustand';
import { useSelection } from '../../stores/selection.ts';
import { DraftInput } from './draft-input.tsx';
import { placedGraph, visibleGraph } from './graph-filters.ts';
import type { GraphModel } from './graph-model.ts';
import {
  NodeCache,
  criticalEdgeIds,
  type GraphFlowEdge,
  type TaskNode as TaskNodeType,
} from './graph-nodes.ts';
import {
  arrowOffset,
  finishMove,
  isArrowKey,
  pressArrow,
  shownPositions,
  type KeyboardMove,
} from './keyboard-move.ts';
import { MinimapCanvas } from './minimap-canvas.tsx';
import { OverviewCanvas } from './overview-canvas.tsx';
import { isOverview, overviewScene, taskAt } from './overview-scene.ts';
import { RefusedEdge } from './refused-edge-view.tsx';
import { TaskNode } from './task-node.tsx';
import { flyTo } from './fly-to.ts';
import { useKeepSelectedInView } from './keep-in-view.ts';
import { NODE_SIZE } from './layout-input.ts';
import { useGraphModel } from './use-graph.ts';

// module scope, as React Flow asks: a new object per render would remount every node
const NODE_TYPES = { task: TaskNode };
const EDGE_TYPES = { refused: RefusedEdge };
const DEFAULT_EDGE_OPTIONS = { interactionWidth: 16 };
// fit view frames every task, also those the overview draws in place of their nodes
const FIT_VIEW_OPTIONS = { includeHiddenNodes: true };
const NO_EDGES: GraphFlowEdge[] = [];
const overviewSelector = (state: { transform: [number, number, number] }) =>
  isOverview(state.transform[2]);

function useCanvasState() {
  const { store } = useGraphModel();
  return useStore(
    store,
    useShallow((state) => ({
      tasks: state.data.tasks,
      questions: state.data.questions,
      filters: state.filters,
      collapsed: state.collapsed,
      dragged: state.dragged,
      selected: state.selected,
      highlight: state.highlight,
      criticalPath: state.criticalPath,
      refused: state.refused,
      project: state.project?.id ?? null,
      flying: state.flying,
    })),
  );
}

/**
 * Frames the whole graph once per project, when its first tasks are placed: on opening a laid-out
 * project, or after the first layout of one whose tasks had no positions yet. True until framed:
 * the nodes stay hidden meanwhile, so a large graph is never mounted at the default zoom first.
 */
function useFitOnFirstTasks(project: number | null, placed: number): boolean {
  const flow = useReactFlow();
  const [framed, setFramed] = useState<number | null>(null);
  const framing = project !== null && placed > 0 && framed !== project;
  useEffect(() => {
    if (!framing) return;
    let current = true;
    void flow.fitView(FIT_VIEW_OPTIONS).then(() => current && setFramed(project));
    return () => {
      current = false;
    };
  }, [flow, framing, project]);
  return framing;
}

/**
 * Arrow keys move the selected tasks that are shown, while the focus is in the canvas. React
 * Flow's own arrow handling (5 px, never saved) is stopped before it runs; the move shows as
 * `dragged` positions and is saved, undoably, when the key is let go or the focus leaves.
 */
function useKeyboardMove(model: GraphModel, shown: readonly number[]) {
  const move = useRef<KeyboardMove | null>(null);

  const save = useCallback(
    (done: KeyboardMove | null) => {
      if (done) void model.editor.savePositions(done.after, { record: true, before: done.before });
    },
    [model],
  );
  const finish = useCallback(() => {
    if (!move.current) return;
    const done = finishMove(move.current);
    move.current = null;
    model.store.getState().setDragged(new Map());
    save(done);
  }, [model, save]);

  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const offset = arrowOffset(event);
      const target = event.target as Element;
      if (!offset || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const state = model.store.getState();
      const ids = shown.filter((id) => state.selected.has(id));
      if (ids.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const pressed = pressArrow(
        move.current,
        ids,
        (id) => state.data.tasks.get(id)?.position,
        offset,
      );
      save(pressed.finished);
      move.current = pressed.move;
      state.setDragged(pressed.move ? shownPositions(pressed.move) : new Map());
    },
    [model, save, shown],
  );
  const onKeyUp = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (isArrowKey(event.key)) finish();
    },
    [finish],
  );
  const onBlur = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget)) finish();
    },
    [finish],
  );
  // a move under way when the view goes is saved, not lost
  useEffect(() => finish, [finish]);
  return { onKeyDownCapture, onKeyUp, onBlur };
}

export function GraphCanvas() {
  const model = useGraphModel();
  const flow = useReactFlow();
  const view = useCanvasState();
  const cache = useRef(new NodeCache());
  const measured = useRef(new Map<number, { width: number; height: number }>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const dragStart = useRef<{ task_id: number; x: number; y: number }[]>([]);
  // a boolean selector: the canvas renders again only when the zoom crosses the threshold
  const farOut = useFlowStore(overviewSelector);

  const visible = useMemo(
    () => placedGraph(visibleGraph(view.tasks, view.filters, view.collapsed), view.tasks),
    [view.tasks, view.filters, view.collapsed],
  );
  const framing = useFitOnFirstTasks(view.project, visible.ids.length);
  const overview = (farOut || view.flying) && !framing;
  const critical = useMemo(
    () => new Set(view.highlight.critical ? view.criticalPath : []),
    [view.highlight.critical, view.criticalPath],
  );
  const nodes = useMemo(
    () =>
      cache.current.buildNodes({
        tasks: view.tasks,
        visible,
        questions: view.questions,
        dragged: view.dragged,
        selected: view.selected,
        collapsed: view.collapsed,
        critical,
        showReady: view.highlight.ready,
        measured: measured.current,
        hidden: overview || framing,
      }),
    // measuredVersion stands for the measured map, which is kept in a ref
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, visible, critical, measuredVersion, overview, framing],
  );
  const keyboardMove = useKeyboardMove(model, visible.ids);
  useKeepSelectedInView(model);
  const edges = useMemo(
    () =>
      cache.current.buildEdges(
        visible,
        view.highlight.critical ? view.criticalPath : [],
        view.refused,
        selectedEdges,
      ),
    [visible, view.highlight.critical, view.criticalPath, view.refused, selectedEdges],
  );
  // what the overview draws far out, and the minimap at every zoom
  const drawn = useMemo(
    () =>
      overviewScene(
        nodes,
        visible.edges,
        criticalEdgeIds(view.highlight.critical ? view.criticalPath : []),
        view.selected,
      ),
    [nodes, visible.edges, view.highlight.critical, view.criticalPath, view.selected],
  );
  const scene = overview ? drawn : null;

  const onNodesChange = useCallback(
    (changes: NodeChange<TaskNodeType>[]) => {
      const state = model.store.getState();
      let selected: Set<number> | null = null;
      let dragged: Map<number, { x: number; y: number }> | null = null;
      let sized = false;
      for (const change of changes) {
        if (change.type === 'select') {
          selected ??= new Set(state.selected);
          if (change.selected) selected.add(Number(change.id));
          else selected.delete(Number(change.id));
        } else if (change.type === 'position' && change.position && change.dragging) {
          dragged ??= new Map(state.dragged);
          dragged.set(Number(change.id), change.position);
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured.current.set(Number(change.id), change.dimensions);
          sized = true;
        }
      }
      if (selected) {
        state.setSelected(selected);
        // one selected task is the one the inspector shows
        useSelection.getState().select(selected.size === 1 ? [...selected][0]! : null);
      }
      if (dragged) state.setDragged(dragged);
      if (sized) setMeasuredVersion((version) => version + 1);
    },
    [model],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<GraphFlowEdge>[]) => {
    setSelectedEdges((current) => {
      let next: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        next ??= new Set(current);
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next ?? current;
    });
  }, []);

  const onNodeDragStart: OnNodeDrag<TaskNodeType> = useCallback((_event, _node, dragging) => {
    dragStart.current = dragging.map((node) => ({ task_id: Number(node.id), ...node.position }));
  }, []);

  const onNodeDragStop: OnNodeDrag<TaskNodeType> = useCallback(
    (_event, _node, dragging) => {
      const after = dragging.map((node) => ({
        task_id: Number(node.id),
        x: Math.round(node.position.x),
        y: Math.round(node.position.y),
      }));
      const before = dragStart.current;
      model.store.getState().setDragged(new Map());
      const moved = after.some((p, i) => p.x !== before[i]?.x || p.y !== before[i]?.y);
      if (moved) void model.editor.savePositions(after, { record: true, before });
    },
    [model],
  );

  const onConnect = useCallback(
    (connection: Connection) =>
      void model.editor.connect(Number(connection.source), Number(connection.target)),
    [model],
  );

  // the store is the truth: deletions go through the API (asking first when tasks have
  // dependents), and the nodes leave when the server's answer or event says so
  const onBeforeDelete: OnBeforeDelete<TaskNodeType, GraphFlowEdge> = useCallback(
    async ({ nodes: goingNodes, edges: goingEdges }) => {
      const ids = goingNodes.map((node) => Number(node.id));
      const edgeGoing = goingEdges
        .filter((edge) => edge.id !== 'refused')
        .filter((edge) => !ids.includes(Number(edge.source)) && !ids.includes(Number(edge.target)))
        .map((edge) => ({ task_id: Number(edge.target), depends_on: Number(edge.source) }));
      if (edgeGoing.length > 0) await model.editor.disconnect(edgeGoing);
      if (ids.length > 0) model.editor.requestDelete(ids);
      return false;
    },
    [model],
  );

  /** The task the overview draws under the pointer; null when the nodes themselves are shown. */
  const overviewTaskAt = useCallback(
    (event: MouseEvent): number | null =>
      scene
        ? taskAt(scene, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }))
        : null,
    [flow, scene],
  );

  const onPaneClick = useCallback(
    (event: MouseEvent) => {
      // far out the overview selects (the task under the pointer, or none); else React Flow does
      if (!scene) return;
      const id = overviewTaskAt(event);
      model.store.getState().setSelected(new Set(id === null ? [] : [id]));
      useSelection.getState().select(id);
    },
    [model, overviewTaskAt, scene],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      // only the empty canvas: not a node, an edge, a label, the controls or the minimap
      const target = event.target as Element;
      if (!target.closest('.react-flow__pane') && !target.closest('.react-flow__background'))
        return;
      if (target.closest('.react-flow__node, .react-flow__edge, .react-flow__panel')) return;
      const id = overviewTaskAt(event);
      const position = id === null ? null : model.store.getState().data.tasks.get(id)?.position;
      if (position) {
        // far out, a double-click on a task zooms in on it (its clicks have selected it)
        const centre = {
          x: position.x + NODE_SIZE.width / 2,
          y: position.y + NODE_SIZE.height / 2,
        };
        void flyTo(flow, model.store, centre, 1);
        return;
      }
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      model.store.getState().setDraft({ x: Math.round(point.x), y: Math.round(point.y) });
    },
    [flow, model, overviewTaskAt],
  );

  return (
    <div className="graph-canvas" onDoubleClick={onDoubleClick} {...keyboardMove}>
      <ReactFlow<TaskNodeType, GraphFlowEdge>
        nodes={nodes}
        edges={overview || framing ? NO_EDGES : edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onBeforeDelete={onBeforeDelete}
        onPaneClick={onPaneClick}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        colorMode="system"
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        {scene && <OverviewCanvas scene={scene} />}
        <MinimapCanvas nodes={drawn.nodes} />
        <Controls fitViewOptions={FIT_VIEW_OPTIONS} />
        <DraftInput />
      </ReactFlow>
    </div>
  );
}
