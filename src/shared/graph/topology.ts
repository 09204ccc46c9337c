// Whole-graph algorithms over a DAG of tasks: execution waves (a topological order in levels)
// and the critical path weighted by estimated hours.
import { InvariantError } from '../errors.ts';
import type { DependencyEdge, GraphNode } from './graph-types.ts';

interface Adjacency {
  prerequisites: Map<number, number[]>;
  dependents: Map<number, number[]>;
}

function adjacency(nodes: readonly GraphNode[], edges: readonly DependencyEdge[]): Adjacency {
  const prerequisites = new Map<number, number[]>();
  const dependents = new Map<number, number[]>();
  for (const node of nodes) {
    prerequisites.set(node.id, []);
    dependents.set(node.id, []);
  }
  for (const { task_id, depends_on } of edges) {
    if (!prerequisites.has(task_id) || !dependents.has(depends_on)) continue;
    prerequisites.get(task_id)!.push(depends_on);
    dependents.get(depends_on)!.push(task_id);
  }
  return { prerequisites, dependents };
}

/**
 * Tasks grouped in waves: every task's prerequisites (among `nodes`) sit in earlier waves, so
 * the tasks of one wave can run in parallel. Edges to tasks outside `nodes` are ignored.
 */
export function topologicalWaves(
  nodes: readonly GraphNode[],
  edges: readonly DependencyEdge[],
): number[][] {
  const { prerequisites, dependents } = adjacency(nodes, edges);
  const remaining = new Map<number, number>();
  let wave: number[] = [];
  for (const [id, list] of prerequisites) {
    remaining.set(id, list.length);
    if (list.length === 0) wave.push(id);
  }
  const waves: number[][] = [];
  let placed = 0;
  while (wave.length > 0) {
    wave.sort((a, b) => a - b);
    waves.push(wave);
    placed += wave.length;
    const next: number[] = [];
    for (const id of wave) {
      for (const dependent of dependents.get(id)!) {
        const left = remaining.get(dependent)! - 1;
        remaining.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    wave = next;
  }
  if (placed !== nodes.length)
    throw new InvariantError('the stored dependency graph contains a cycle');
  return waves;
}

export interface CriticalPath {
  ids: number[];
  totalHours: number;
}

/** The longest chain of dependent tasks by estimated hours, counting 1 hour where unknown. */
export function criticalPath(
  nodes: readonly GraphNode[],
  edges: readonly DependencyEdge[],
): CriticalPath {
  const { prerequisites } = adjacency(nodes, edges);
  const hours = new Map(nodes.map((node) => [node.id, node.estimated_hours ?? 1]));
  const finish = new Map<number, number>();
  const previous = new Map<number, number>();
  let end: number | undefined;
  for (const id of topologicalWaves(nodes, edges).flat()) {
    let start = 0;
    for (const prerequisite of prerequisites.get(id)!) {
      const at = finish.get(prerequisite)!;
      if (at > start) {
        start = at;
        previous.set(id, prerequisite);
      }
    }
    finish.set(id, start + hours.get(id)!);
    if (end === undefined || finish.get(id)! > finish.get(end)!) end = id;
  }
  if (end === undefined) return { ids: [], totalHours: 0 };
  const ids = [end];
  for (let at = previous.get(end); at !== undefined; at = previous.get(at)) ids.push(at);
  return { ids: ids.reverse(), totalHours: finish.get(end)! };
}
