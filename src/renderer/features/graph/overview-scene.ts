// The graph seen from far out. Below OVERVIEW_ZOOM a task is too small to read or to grab, and
// thousands of DOM nodes and SVG edges cost more to paint than a browser can afford while
// panning; so the canvas hides them and draws this scene instead: one rectangle per task, one
// curve per dependency, from the same nodes React Flow would have shown.
import type { TaskStatus } from '../../../shared/tasks/task-fields.ts';
import type { GraphEdge } from './graph-filters.ts';
import type { TaskNode } from './graph-nodes.ts';
import { NODE_SIZE } from './layout-input.ts';

/** Below this zoom the canvas shows the overview; at or above it, the task nodes themselves. */
export const OVERVIEW_ZOOM = 0.5;

export const isOverview = (zoom: number): boolean => zoom < OVERVIEW_ZOOM;

export interface OverviewNode {
  id: number;
  x: number;
  y: number;
  width: number;
  height: number;
  status: TaskStatus;
  /** "#12 Title", what the node would show first. */
  label: string;
  selected: boolean;
  critical: boolean;
  ready: boolean;
  /** Open questions on the task. */
  questions: number;
}

export interface OverviewEdge {
  source: OverviewNode;
  target: OverviewNode;
  critical: boolean;
}

export interface OverviewScene {
  /** In paint order: later nodes are drawn over earlier ones. */
  nodes: OverviewNode[];
  edges: OverviewEdge[];
}

/** The flow-space rectangle a viewport shows. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The scene for the nodes the canvas would show (dragged positions included) and their edges.
 * The selection comes apart: React Flow never holds a hidden node selected.
 */
export function overviewScene(
  nodes: readonly TaskNode[],
  edges: readonly GraphEdge[],
  criticalEdges: ReadonlySet<string>,
  selected: ReadonlySet<number>,
): OverviewScene {
  const byId = new Map<number, OverviewNode>();
  for (const node of nodes) {
    const { task } = node.data;
    byId.set(task.id, {
      id: task.id,
      x: node.position.x,
      y: node.position.y,
      width: node.measured?.width ?? NODE_SIZE.width,
      height: node.measured?.height ?? NODE_SIZE.height,
      status: task.status,
      label: `#${task.id} ${task.title}`,
      selected: selected.has(task.id),
      critical: node.data.critical,
      ready: node.data.readyMark,
      questions: node.data.questions,
    });
  }
  const shownEdges: OverviewEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source && target) shownEdges.push({ source, target, critical: criticalEdges.has(edge.id) });
  }
  // selected tasks on top, so an outline is never covered by a neighbour
  const ordered = [...byId.values()].sort((a, b) => Number(a.selected) - Number(b.selected));
  return { nodes: ordered, edges: shownEdges };
}

/** The topmost task drawn at a flow-space point, or null for the empty canvas. */
export function taskAt(scene: OverviewScene, point: { x: number; y: number }): number | null {
  for (let index = scene.nodes.length - 1; index >= 0; index--) {
    const node = scene.nodes[index]!;
    if (
      point.x >= node.x &&
      point.x <= node.x + node.width &&
      point.y >= node.y &&
      point.y <= node.y + node.height
    )
      return node.id;
  }
  return null;
}

/** What a React Flow transform ([x, y, zoom]) shows of the flow in a pane of this size. */
export function viewRect(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): FlowRect {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** Whether `box` lies wholly inside `rect`. */
export function contains(rect: FlowRect, box: FlowRect): boolean {
  return (
    box.x >= rect.x &&
    box.y >= rect.y &&
    box.x + box.width <= rect.x + rect.width &&
    box.y + box.height <= rect.y + rect.height
  );
}

export function overlaps(node: OverviewNode, rect: FlowRect): boolean {
  return (
    node.x < rect.x + rect.width &&
    node.x + node.width > rect.x &&
    node.y < rect.y + rect.height &&
    node.y + node.height > rect.y
  );
}

/** A label cut to about `chars` characters, with an ellipsis when cut. */
export function fitLabel(label: string, chars: number): string {
  if (chars < 2) return '';
  return label.length <= chars ? label : `${label.slice(0, Math.max(1, chars - 1))}…`;
}
