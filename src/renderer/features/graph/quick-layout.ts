// A layered layout in linear time, for graphs too large for ELK to answer quickly (ELK takes
// about 5 s on 2,000 tasks): each task in the column after its deepest prerequisite, and the
// order within a column settled by a few barycentre sweeps (the mean row of a task's neighbours),
// which removes most crossings. Pure: the layout runner decides when to use it.
import type { GraphEdge } from './graph-filters.ts';
import type { Position } from './graph-edits.ts';
import { NODE_SIZE } from './layout-input.ts';

const GAP = { x: 80, y: 28 } as const;
/** Down-and-up barycentre sweeps: more barely changes the order of real task graphs. */
const SWEEPS = 4;

export function quickLayout(ids: readonly number[], edges: readonly GraphEdge[]): Position[] {
  const shown = new Set(ids);
  const before = new Map<number, number[]>(ids.map((id) => [id, []]));
  const after = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (!shown.has(edge.source) || !shown.has(edge.target)) continue;
    before.get(edge.target)!.push(edge.source);
    after.get(edge.source)!.push(edge.target);
  }
  const columns = layerByLongestPath(ids, before, after);
  const row = new Map<number, number>();
  for (const column of columns) column.forEach((id, index) => row.set(id, index));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? columns : [...columns].reverse();
    for (const column of order) {
      const neighbours = down ? before : after;
      const key = new Map(column.map((id) => [id, barycentre(neighbours.get(id)!, row, id)]));
      column.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
      column.forEach((id, index) => row.set(id, index));
    }
  }
  return columns.flatMap((column, x) =>
    column.map((id, y) => ({
      task_id: id,
      x: x * (NODE_SIZE.width + GAP.x),
      y: y * (NODE_SIZE.height + GAP.y),
    })),
  );
}

/** Columns of task ids: a task stands one column after its deepest prerequisite (Kahn's order). */
function layerByLongestPath(
  ids: readonly number[],
  before: Map<number, number[]>,
  after: Map<number, number[]>,
): number[][] {
  const waiting = new Map(ids.map((id) => [id, before.get(id)!.length]));
  const depth = new Map<number, number>();
  const queue = ids.filter((id) => waiting.get(id) === 0);
  for (let at = 0; at < queue.length; at++) {
    const id = queue[at]!;
    const column =
      Math.max(-1, ...before.get(id)!.map((prerequisite) => depth.get(prerequisite)!)) + 1;
    depth.set(id, column);
    for (const next of after.get(id)!) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  // the server refuses cycles; should a stale view hold one, its tasks go in the first column
  for (const id of ids) if (!depth.has(id)) depth.set(id, 0);
  const columns: number[][] = [];
  for (const id of ids) (columns[depth.get(id)!] ??= []).push(id);
  return columns.filter((column) => column !== undefined);
}

/** The mean row of a task's neighbours in the column beside it; its own row when it has none. */
function barycentre(neighbours: readonly number[], row: Map<number, number>, id: number): number {
  if (neighbours.length === 0) return row.get(id)!;
  let sum = 0;
  for (const neighbour of neighbours) sum += row.get(neighbour)!;
  return sum / neighbours.length;
}
