// The pure halves of auto-layout: the ELK graph for the shown tasks (layered, left to right,
// prerequisites before dependents), the positions read back from ELK's answer, and a quick
// placement for tasks that arrive without a position, next to what they depend on.
import type { Task } from '../../../shared/tasks/task.schema.ts';
import type { GraphEdge } from './graph-filters.ts';
import type { Position } from './graph-edits.ts';

/** The size a task node is drawn at (graph.css keeps the same width and a minimum height). */
export const NODE_SIZE = { width: 240, height: 96 } as const;
/** Room between columns and rows when placing a task by hand-made rules. */
const GAP = { x: 80, y: 28 } as const;

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP.x),
  'elk.spacing.nodeNode': String(GAP.y),
  'elk.spacing.componentComponent': '60',
  // keeps long chains straight without the cost of network simplex on thousands of nodes
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

export interface LayoutGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export function layoutInput(ids: readonly number[], edges: readonly GraphEdge[]): LayoutGraph {
  const shown = new Set(ids);
  return {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: ids.map((id) => ({ id: String(id), ...NODE_SIZE })),
    edges: edges
      .filter((edge) => shown.has(edge.source) && shown.has(edge.target))
      .map((edge) => ({
        id: edge.id,
        sources: [String(edge.source)],
        targets: [String(edge.target)],
      })),
  };
}

export interface LaidOut {
  children?: { id: string; x?: number; y?: number }[];
}

/** Whole-pixel positions of every node ELK placed. */
export function positionsOf(result: LaidOut): Position[] {
  return (result.children ?? []).map((child) => ({
    task_id: Number(child.id),
    x: Math.round(child.x ?? 0),
    y: Math.round(child.y ?? 0),
  }));
}

/** Grid cells a node covers, for the free-spot search. */
function cellKey(x: number, y: number): string {
  return `${Math.round(x / NODE_SIZE.width)}:${Math.round(y / (NODE_SIZE.height + GAP.y))}`;
}

/**
 * Positions for tasks without one: right of their rightmost placed prerequisite, else in a
 * column left of everything, moved down until the spot is free. Earlier ids go first, so a
 * chain of new tasks lines up left to right.
 */
export function placeNewTasks(tasks: ReadonlyMap<number, Task>, unplaced: readonly number[]) {
  const placed = new Map<number, { x: number; y: number }>();
  const taken = new Set<string>();
  let minX = Infinity;
  let maxY = -Infinity;
  for (const task of tasks.values()) {
    if (!task.position) continue;
    placed.set(task.id, task.position);
    taken.add(cellKey(task.position.x, task.position.y));
    minX = Math.min(minX, task.position.x);
    maxY = Math.max(maxY, task.position.y);
  }
  const column = Number.isFinite(minX) ? minX : 0;
  const result: Position[] = [];
  for (const id of [...unplaced].sort((a, b) => a - b)) {
    const task = tasks.get(id);
    if (!task) continue;
    const prerequisites = task.dependencies
      .map((dependency) => placed.get(dependency))
      .filter((position) => position !== undefined);
    let x = column;
    let y = Number.isFinite(maxY) ? maxY + NODE_SIZE.height + GAP.y : 0;
    if (prerequisites.length > 0) {
      x = Math.max(...prerequisites.map((p) => p.x)) + NODE_SIZE.width + GAP.x;
      y = prerequisites[0]!.y;
    }
    while (taken.has(cellKey(x, y))) y += NODE_SIZE.height + GAP.y;
    taken.add(cellKey(x, y));
    placed.set(id, { x, y });
    maxY = Math.max(maxY, y);
    result.push({ task_id: id, x, y });
  }
  return result;
}
