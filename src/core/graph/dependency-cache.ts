// Per project, the dependency DAG in memory with an incrementally kept topological order, so a
// cycle check costs microseconds instead of a walk of the database. Other processes may change
// the same project: at the start of every write (holding the lock) each cached project's last
// event id is compared with the one it was built at, and a stale cache is dropped; at the end of
// the write the cache, which the services kept in step, takes the new last event id.
import { DependencyOrder } from '../../shared/graph/dependency-order.ts';
import type { Store } from '../store/store.ts';

interface Entry {
  order: DependencyOrder;
  stamp: number;
  /** changeCount when the current write began; undefined if loaded during it. */
  changesAtBegin: number | undefined;
}

export class DependencyCache {
  private readonly store: Store;
  private readonly entries = new Map<number, Entry>();

  constructor(store: Store) {
    this.store = store;
    store.onWrite({
      begin: () => {
        for (const [projectId, entry] of this.entries) {
          if (entry.stamp !== store.events.lastIdOfProject(projectId)) this.entries.delete(projectId);
          else entry.changesAtBegin = entry.order.changeCount;
        }
      },
      end: () => {
        for (const [projectId, entry] of this.entries) entry.stamp = store.events.lastIdOfProject(projectId);
      },
      // a refused change (e.g. a cycle) leaves the order untouched and keeps it; anything else
      // that touched it mid-write is dropped with the write
      rolledBack: () => {
        for (const [projectId, entry] of this.entries) {
          if (entry.changesAtBegin !== entry.order.changeCount) this.entries.delete(projectId);
        }
      },
    });
  }

  /** The project's order, loading it if needed. Call inside a write. */
  order(projectId: number): DependencyOrder {
    const entry = this.entries.get(projectId);
    if (entry) return entry.order;
    const order = DependencyOrder.fromEdges(this.store.tasks.idsOfProject(projectId), [
      ...this.store.dependencies.edgesOfProject(projectId),
      ...this.store.tasks.hierarchyEdges(projectId),
    ]);
    this.entries.set(projectId, { order, stamp: 0, changesAtBegin: undefined });
    return order;
  }

  /** The project's order if it is loaded: for changes that need no check but must keep it in step. */
  loaded(projectId: number): DependencyOrder | undefined {
    return this.entries.get(projectId)?.order;
  }
}
