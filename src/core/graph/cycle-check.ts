// Cycle checks against the database: a task "waits for" its dependencies and, if it is a
// parent, its subtasks (it cannot complete before them). A new "waits for" link closes a cycle
// exactly when its target already waits for its source. The check walks only the target's own
// prerequisites in one recursive query; the path is traced only when there is a cycle.
import type { Store } from '../store/store.ts';

/** Null if "waiter waits for awaited" is safe, else the cycle [waiter, awaited, ..., waiter]. */
export function findCycle(store: Store, waiter: number, awaited: number): number[] | null {
  if (waiter === awaited) return [waiter, waiter];
  if (!store.dependencies.reaches(awaited, waiter)) return null;
  const cameFrom = new Map<number, number>([[awaited, awaited]]);
  const queue = [awaited];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index]!;
    const next = [
      ...store.dependencies.prerequisitesOf(node),
      ...store.tasks.subtaskRefs(node).map((ref) => ref.id),
    ];
    for (const id of next) {
      if (cameFrom.has(id)) continue;
      cameFrom.set(id, node);
      if (id === waiter) {
        const path = [waiter];
        for (let at = node; at !== awaited; at = cameFrom.get(at)!) path.push(at);
        return [waiter, awaited, ...path.slice(1).reverse(), waiter];
      }
      queue.push(id);
    }
  }
  return null;
}
