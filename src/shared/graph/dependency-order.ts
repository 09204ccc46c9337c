// An incrementally maintained topological order of a dependency DAG (Pearce & Kelly, 2006), so
// adding an edge checks for a cycle by searching only the tasks between the two endpoints'
// positions instead of the whole graph. Used by core before every dependency insert and usable
// by the renderer to refuse a drag that would close a cycle.
import { MinHeap } from './min-heap.ts';
import type { DependencyEdge } from './graph-types.ts';

export class DependencyOrder {
  /** Position of each task: every prerequisite has a lower position than its dependents. */
  private readonly ord = new Map<number, number>();
  private readonly prerequisites = new Map<number, Set<number>>();
  private readonly dependents = new Map<number, Set<number>>();
  private nextPosition = 0;
  private changes = 0;

  static fromEdges(ids: Iterable<number>, edges: Iterable<DependencyEdge>): DependencyOrder {
    const order = new DependencyOrder();
    for (const id of ids) order.ensureNode(id);
    for (const { task_id, depends_on } of edges) {
      order.ensureNode(task_id);
      order.ensureNode(depends_on);
      order.prerequisites.get(task_id)!.add(depends_on);
      order.dependents.get(depends_on)!.add(task_id);
    }
    order.assignInitialOrder();
    return order;
  }

  /** Grows with every change, so an owner can tell whether the graph changed since a point. */
  get changeCount(): number {
    return this.changes;
  }

  get size(): number {
    return this.ord.size;
  }

  has(id: number): boolean {
    return this.ord.has(id);
  }

  addNode(id: number): void {
    if (!this.ord.has(id)) this.ensureNode(id);
  }

  removeNode(id: number): void {
    for (const prerequisite of this.prerequisites.get(id) ?? []) this.dependents.get(prerequisite)?.delete(id);
    for (const dependent of this.dependents.get(id) ?? []) this.prerequisites.get(dependent)?.delete(id);
    this.prerequisites.delete(id);
    this.dependents.delete(id);
    this.ord.delete(id);
    this.changes++;
  }

  /**
   * Adds "task depends on prerequisite" unless it would close a cycle. Returns null when added,
   * otherwise the cycle as ids [task, prerequisite, ..., task], each depending on the next.
   */
  addDependency(task: number, prerequisite: number): number[] | null {
    this.addNode(task);
    this.addNode(prerequisite);
    if (task === prerequisite) return [task, task];
    if (this.prerequisites.get(task)!.has(prerequisite)) return null;
    const lower = this.ord.get(task)!;
    const upper = this.ord.get(prerequisite)!;
    if (upper > lower) {
      const forward = this.searchDependents(task, prerequisite, upper);
      if (forward.cycle) return forward.cycle;
      const backward = this.searchPrerequisites(prerequisite, lower);
      this.reorder(backward, forward.visited);
    }
    this.prerequisites.get(task)!.add(prerequisite);
    this.dependents.get(prerequisite)!.add(task);
    this.changes++;
    return null;
  }

  removeDependency(task: number, prerequisite: number): void {
    this.prerequisites.get(task)?.delete(prerequisite);
    this.dependents.get(prerequisite)?.delete(task);
    this.changes++;
  }

  /** True when the stored order respects every edge; used by tests. */
  isConsistent(): boolean {
    for (const [task, prerequisites] of this.prerequisites) {
      for (const prerequisite of prerequisites) {
        if (this.ord.get(prerequisite)! >= this.ord.get(task)!) return false;
      }
    }
    return true;
  }

  private ensureNode(id: number): void {
    if (this.ord.has(id)) return;
    this.ord.set(id, this.nextPosition++);
    this.prerequisites.set(id, new Set());
    this.dependents.set(id, new Set());
    this.changes++;
  }

  /** Kahn's algorithm preferring lower ids, so edges that follow creation order never reorder. */
  private assignInitialOrder(): void {
    const remaining = new Map<number, number>();
    const heap = new MinHeap();
    for (const [id, prerequisites] of this.prerequisites) {
      remaining.set(id, prerequisites.size);
      if (prerequisites.size === 0) heap.push(id);
    }
    let position = 0;
    for (let id = heap.pop(); id !== undefined; id = heap.pop()) {
      this.ord.set(id, position++);
      for (const dependent of this.dependents.get(id)!) {
        const left = remaining.get(dependent)! - 1;
        remaining.set(dependent, left);
        if (left === 0) heap.push(dependent);
      }
    }
    if (position !== this.ord.size) throw new Error('DependencyOrder.fromEdges: the edges contain a cycle');
    this.nextPosition = position;
  }

  /** Dependents of `start` positioned at most `upper`; reaching `target` means a cycle. */
  private searchDependents(start: number, target: number, upper: number) {
    const visited: number[] = [];
    const parent = new Map<number, number>([[start, start]]);
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      visited.push(node);
      for (const next of this.dependents.get(node)!) {
        if (next === target) {
          const chain = [target, node];
          for (let at = node; at !== start; at = parent.get(at)!) chain.push(parent.get(at)!);
          return { visited, cycle: [start, ...chain] };
        }
        if (!parent.has(next) && this.ord.get(next)! < upper) {
          parent.set(next, node);
          stack.push(next);
        }
      }
    }
    return { visited, cycle: null };
  }

  /** Prerequisites of `start` positioned above `lower`. */
  private searchPrerequisites(start: number, lower: number): number[] {
    const visited: number[] = [];
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      visited.push(node);
      for (const next of this.prerequisites.get(node)!) {
        if (!seen.has(next) && this.ord.get(next)! > lower) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return visited;
  }

  /** Gives the affected prerequisites the lowest of the affected positions, dependents the rest. */
  private reorder(backward: number[], forward: number[]): void {
    const byPosition = (a: number, b: number) => this.ord.get(a)! - this.ord.get(b)!;
    backward.sort(byPosition);
    forward.sort(byPosition);
    const nodes = [...backward, ...forward];
    const positions = nodes.map((id) => this.ord.get(id)!).sort((a, b) => a - b);
    nodes.forEach((id, index) => this.ord.set(id, positions[index]!));
  }
}
