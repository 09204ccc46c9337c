// The order to create planned tasks in, prerequisites first, or a CYCLE error naming the tasks
// on a cycle. A parent waits for its subtasks (it cannot complete before them), as in the rest
// of Orchestron's graph, so a subtask that depends on its own parent closes a cycle too. Asked
// to, it breaks each cycle instead by dropping one dependency on it (real files have cycles).
import { AppError } from '../../../shared/errors.ts';

export interface OrderNode {
  label: string;
  parent: number | null;
  dependencies: number[];
}

export interface DroppedLink {
  from: number;
  to: number;
  cycle: string[];
}

/**
 * Positions in an order where every task comes after what it waits for. With `breakCycles`,
 * dependencies closing cycles are removed from `nodes` and returned in `dropped`.
 */
export function dependencyOrder(
  nodes: OrderNode[],
  breakCycles: boolean,
): { order: number[]; dropped: DroppedLink[] } {
  const dropped: DroppedLink[] = [];
  for (;;) {
    const attempt = kahn(nodes);
    if (attempt.cycle === null) return { order: attempt.order, dropped };
    if (!breakCycles) throw cycleError(nodes, attempt.cycle);
    const [from, to] = linkToDrop(nodes, attempt.cycle);
    nodes[from]!.dependencies = nodes[from]!.dependencies.filter((target) => target !== to);
    dropped.push({ from, to, cycle: attempt.cycle.map((at) => nodes[at]!.label) });
  }
}

/** What each node waits for: its dependencies, then its subtasks. */
function waitsFor(nodes: readonly OrderNode[]): number[][] {
  const lists = nodes.map((node) => [...node.dependencies]);
  nodes.forEach((node, at) => {
    if (node.parent !== null) lists[node.parent]!.push(at);
  });
  return lists;
}

/** Kahn's algorithm, linear in tasks and links; on failure, one cycle among the rest. */
function kahn(nodes: readonly OrderNode[]): { order: number[]; cycle: number[] | null } {
  const waits = waitsFor(nodes);
  const waiters: number[][] = nodes.map(() => []);
  const remaining = waits.map((list) => list.length);
  waits.forEach((list, at) => list.forEach((target) => waiters[target]!.push(at)));
  const order = remaining.flatMap((count, at) => (count === 0 ? [at] : []));
  for (let index = 0; index < order.length; index++) {
    for (const waiter of waiters[order[index]!]!) {
      if (--remaining[waiter]! === 0) order.push(waiter);
    }
  }
  if (order.length === nodes.length) return { order, cycle: null };
  return { order, cycle: findCycle(waits, remaining) };
}

/**
 * Every node left over waits for another left over, so walking from one must repeat a node:
 * the walk from that node's first visit is a cycle, [a, b, …, a].
 */
function findCycle(waits: readonly number[][], remaining: readonly number[]): number[] {
  const seen = new Map<number, number>();
  const path: number[] = [];
  let at = remaining.findIndex((count) => count > 0);
  while (!seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    at = waits[at]!.find((next) => remaining[next]! > 0)!;
  }
  return [...path.slice(seen.get(at)!), at];
}

const isDependency = (nodes: readonly OrderNode[], from: number, to: number) =>
  nodes[from]!.dependencies.includes(to);

/**
 * The dependency to drop from a cycle: one pointing forward in the file (files list
 * prerequisites first, so that one is the likelier mistake), else the first dependency.
 */
function linkToDrop(nodes: readonly OrderNode[], cycle: readonly number[]): [number, number] {
  const links = cycle
    .slice(0, -1)
    .map((from, index): [number, number] => [from, cycle[index + 1]!])
    .filter(([from, to]) => isDependency(nodes, from, to));
  return links.find(([from, to]) => to > from) ?? links[0]!;
}

function cycleError(nodes: readonly OrderNode[], cycle: readonly number[]): AppError {
  const steps = cycle.slice(0, -1).map((from, index) => {
    const to = cycle[index + 1]!;
    const relation = isDependency(nodes, from, to) ? 'depends on' : 'contains subtask';
    return `${nodes[from]!.label} ${relation} ${nodes[to]!.label}`;
  });
  return new AppError(
    'CYCLE',
    `The file's dependencies form a cycle, so none of these tasks could ever start: ${steps.join(', ')}. Nothing was imported; remove one of these dependencies from the file, or import with break_cycles to drop one per cycle.`,
    { cycle: cycle.map((index) => nodes[index]!.label) },
    [
      {
        action: 'import anyway, dropping one dependency per cycle',
        operation: 'import_taskmaster',
        input: { break_cycles: true },
      },
    ],
  );
}
