// React Flow nodes and edges for what the canvas shows, rebuilt on every change but reusing the
// previous object of every node and edge that did not change, so React Flow (and each memoised
// node) repaints only what moved, changed status, or was selected.
import type { Edge, Node } from '@xyflow/react';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { edgeId, type VisibleGraph } from './graph-filters.ts';
import { NODE_SIZE } from './layout-input.ts';
import { cycleEdgeIds, type RefusedEdge } from './refused-edge.ts';

export interface TaskNodeData extends Record<string, unknown> {
  task: Task;
  questions: number;
  /** Subtasks folded into this node (0 when not collapsed). */
  folded: number;
  hasSubtasks: boolean;
  collapsed: boolean;
  critical: boolean;
  /** Ready and the ready highlight is on. */
  readyMark: boolean;
}

export type TaskNode = Node<TaskNodeData, 'task'>;
export type GraphFlowEdge = Edge<{ message?: string }>;

export interface NodeInputs {
  tasks: ReadonlyMap<number, Task>;
  visible: VisibleGraph;
  questions: ReadonlyMap<number, ReadonlySet<string>>;
  dragged: ReadonlyMap<number, { x: number; y: number }>;
  selected: ReadonlySet<number>;
  collapsed: ReadonlySet<number>;
  critical: ReadonlySet<number>;
  showReady: boolean;
  measured: ReadonlyMap<number, { width: number; height: number }>;
  /** Seen from far out: React Flow keeps the nodes (for fit view) but the overview draws them. */
  hidden: boolean;
}

/** The ids of the edges along a critical path (its tasks in order). */
export function criticalEdgeIds(criticalPath: readonly number[]): Set<string> {
  const onPath = new Set<string>();
  for (let index = 0; index + 1 < criticalPath.length; index++)
    onPath.add(edgeId(criticalPath[index]!, criticalPath[index + 1]!));
  return onPath;
}

function sameData(a: TaskNodeData, b: TaskNodeData): boolean {
  return (
    a.task === b.task &&
    a.questions === b.questions &&
    a.folded === b.folded &&
    a.hasSubtasks === b.hasSubtasks &&
    a.collapsed === b.collapsed &&
    a.critical === b.critical &&
    a.readyMark === b.readyMark
  );
}

export class NodeCache {
  private nodes = new Map<string, TaskNode>();
  private edges = new Map<string, GraphFlowEdge>();

  buildNodes(inputs: NodeInputs): TaskNode[] {
    const parents = new Set<number>();
    for (const task of inputs.tasks.values())
      if (task.parent_id !== null) parents.add(task.parent_id);
    const next = new Map<string, TaskNode>();
    for (const id of inputs.visible.ids) {
      const task = inputs.tasks.get(id)!;
      const key = String(id);
      const position = inputs.dragged.get(id) ?? task.position ?? { x: 0, y: 0 };
      const data: TaskNodeData = {
        task,
        questions: inputs.questions.get(id)?.size ?? 0,
        folded: inputs.visible.folded.get(id) ?? 0,
        hasSubtasks: parents.has(id),
        collapsed: inputs.collapsed.has(id),
        critical: inputs.critical.has(id),
        readyMark: inputs.showReady && task.ready,
      };
      // React Flow never holds a hidden node selected: a click on the pane would unselect it
      const selected = inputs.selected.has(id) && !inputs.hidden;
      const measured = inputs.measured.get(id);
      const previous = this.nodes.get(key);
      const reuse =
        previous &&
        previous.position.x === position.x &&
        previous.position.y === position.y &&
        previous.selected === selected &&
        previous.hidden === inputs.hidden &&
        previous.measured?.width === measured?.width &&
        previous.measured?.height === measured?.height &&
        sameData(previous.data, data);
      next.set(
        key,
        reuse
          ? previous
          : {
              id: key,
              type: 'task',
              position,
              data,
              selected,
              hidden: inputs.hidden,
              // the size before it is measured, so fit view frames tasks never rendered
              initialWidth: NODE_SIZE.width,
              initialHeight: NODE_SIZE.height,
              ariaLabel: `Task #${id}: ${task.title}, ${task.status.replace('_', ' ')}`,
              ...(measured ? { measured } : {}),
            },
      );
    }
    this.nodes = next;
    return [...next.values()];
  }

  buildEdges(
    visible: VisibleGraph,
    criticalPath: readonly number[],
    refused: RefusedEdge | null,
    selected: ReadonlySet<string>,
  ): GraphFlowEdge[] {
    const onPath = criticalEdgeIds(criticalPath);
    const inCycle = refused ? cycleEdgeIds(refused) : new Set<string>();
    const next = new Map<string, GraphFlowEdge>();
    for (const edge of visible.edges) {
      const className = [
        'graph-edge',
        onPath.has(edge.id) ? 'graph-edge--critical' : '',
        inCycle.has(edge.id) ? 'graph-edge--cycle' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const isSelected = selected.has(edge.id);
      const previous = this.edges.get(edge.id);
      next.set(
        edge.id,
        previous && previous.className === className && previous.selected === isSelected
          ? previous
          : {
              id: edge.id,
              source: String(edge.source),
              target: String(edge.target),
              className,
              selected: isSelected,
              ariaLabel: `#${edge.target} depends on #${edge.source}`,
            },
      );
    }
    this.edges = next;
    const edges = [...next.values()];
    if (refused) {
      edges.push({
        id: 'refused',
        source: String(refused.source),
        target: String(refused.target),
        type: 'refused',
        data: { message: refused.message },
        selectable: false,
        deletable: false,
        focusable: false,
      });
    }
    return edges;
  }
}
