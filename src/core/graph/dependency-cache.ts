// Per project, the dependency DAG in memory with an incrementally kept topological order, so a
// cycle check costs microseconds instead of a walk of the database. Another process may change
// the same project: inside every write we compare the project's last event id with the one the
// cache was built at, and rebuild when they differ.
import { DependencyOrder } from '../../shared/graph/dependency-order.ts';
import type { Store } from '../store/store.ts';

interface Entry {
  order: DependencyOrder;
  stamp: number;
}

export class DependencyCache {
  private readonly store: Store;
  private readonly entries = new Map<number, Entry>();

  constructor(store: Store) {
    this.store = store;
    store.onRollback(() => this.entries.clear());
  }

  /** The project's order, current as of this transaction. Call inside a write. */
  order(projectId: number): DependencyOrder {
    const stamp = this.store.events.lastIdOfProject(projectId);
    const entry = this.entries.get(projectId);
    if (entry && entry.stamp === stamp) return entry.order;
    const order = DependencyOrder.fromEdges(this.store.tasks.idsOfProject(projectId), [
      ...this.store.dependencies.edgesOfProject(projectId),
      ...this.store.tasks.hierarchyEdges(projectId),
    ]);
    this.entries.set(projectId, { order, stamp });
    return order;
  }

  /** Records that the cache already holds this write's changes (call after its events). */
  markCurrent(projectId: number): void {
    const entry = this.entries.get(projectId);
    if (entry) entry.stamp = this.store.events.lastIdOfProject(projectId);
  }

  forget(projectId: number): void {
    this.entries.delete(projectId);
  }
}
