// The person's edits of the graph, each one call (or a few) to the API, recorded for undo once
// the server accepted it. A refused dependency is shown on the edge; other failures in the banner.
import { toErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronClient } from '../../../shared/client.ts';
import type { GraphStore } from '../../stores/graph-store.ts';
import {
  cutEdges,
  deletedBy,
  hasDependents,
  type DeleteMode,
  type Edge,
  type Position,
} from './graph-edits.ts';
import { visibleGraph, type GraphEdge } from './graph-filters.ts';
import type { LayoutRunner } from './layout-runner.ts';
import { refusedEdgeOf } from './refused-edge.ts';

type Client = Pick<OrchestronClient, 'call'>;

export class GraphEditor {
  private readonly client: Client;
  private readonly store: GraphStore;
  private readonly layout: LayoutRunner;

  constructor(client: Client, store: GraphStore, layout: LayoutRunner) {
    this.client = client;
    this.store = store;
    this.layout = layout;
  }

  /** Edits whose calls have not all been answered: an undo waits for them (see settled). */
  private readonly inFlight = new Set<Promise<unknown>>();

  /** Resolves once every edit started so far was answered and recorded, so an undo takes it back. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private get state() {
    return this.store.getState();
  }

  private fail(error: unknown): void {
    this.state.showError(toErrorPayload(error));
  }

  /** Creates a task at a canvas point; returns its id, or null when refused. */
  createTask(title: string, position: { x: number; y: number }): Promise<number | null> {
    return this.track(this.createTaskNow(title, position));
  }

  private async createTaskNow(
    title: string,
    position: { x: number; y: number },
  ): Promise<number | null> {
    const project = this.state.project;
    if (!project) return null;
    try {
      const { task } = await this.client.call('create_task', {
        project_id: project.id,
        title,
        position,
      });
      this.state.record({ kind: 'create', taskId: task.id, title, position });
      this.state.showError(null);
      return task.id;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  /** Makes `target` wait for `source` (dragged from source's right handle to target's left). */
  connect(source: number, target: number): Promise<void> {
    return this.track(this.connectNow(source, target));
  }

  private async connectNow(source: number, target: number): Promise<void> {
    const edge: Edge = { task_id: target, depends_on: source };
    this.state.setRefused(null);
    try {
      await this.client.call('add_dependency', edge);
      this.state.record({ kind: 'connect', edge });
      this.state.showError(null);
    } catch (error) {
      const payload = toErrorPayload(error);
      const refused = refusedEdgeOf(payload, source, target);
      if (refused) this.state.setRefused(refused);
      else this.state.showError(payload);
    }
  }

  disconnect(edges: readonly Edge[]): Promise<void> {
    return this.track(this.disconnectNow(edges));
  }

  private async disconnectNow(edges: readonly Edge[]): Promise<void> {
    const done: Edge[] = [];
    try {
      for (const edge of edges) {
        await this.client.call('remove_dependency', edge);
        done.push(edge);
      }
    } catch (error) {
      this.fail(error);
    }
    if (done.length > 0) this.state.record({ kind: 'disconnect', edges: done });
  }

  /** Saves positions; a drag or a layout on demand is recorded (undo puts the tasks back). */
  savePositions(
    after: readonly Position[],
    options: { record: boolean; before?: readonly Position[] },
  ): Promise<void> {
    return this.track(this.savePositionsNow(after, options));
  }

  private async savePositionsNow(
    after: readonly Position[],
    { record, before }: { record: boolean; before?: readonly Position[] },
  ): Promise<void> {
    const project = this.state.project;
    if (!project || after.length === 0) return;
    const previous =
      before ??
      after.map(({ task_id }) => {
        const position = this.state.data.tasks.get(task_id)?.position ?? { x: 0, y: 0 };
        return { task_id, ...position };
      });
    this.state.placeTasks(after);
    try {
      await this.client.call('set_task_positions', {
        project_id: project.id,
        positions: [...after],
      });
      if (record) this.state.record({ kind: 'move', before: [...previous], after: [...after] });
    } catch (error) {
      this.state.placeTasks(previous);
      this.fail(error);
    }
  }

  /** Lays out the shown tasks (all of them when not told which) in the worker and saves it. */
  async autoLayout(options: { record: boolean; ids?: number[]; edges?: GraphEdge[] }) {
    const { data, filters, collapsed } = this.state;
    const shown =
      options.ids && options.edges
        ? { ids: options.ids, edges: options.edges }
        : visibleGraph(data.tasks, filters, collapsed);
    if (shown.ids.length === 0) return;
    this.state.setLayingOut(true);
    try {
      const positions = await this.layout.layout(shown.ids, shown.edges);
      await this.savePositions(positions, { record: options.record });
    } catch (error) {
      this.fail(error);
    } finally {
      this.state.setLayingOut(false);
    }
  }

  /** Deletes at once when nothing depends on the tasks; otherwise asks (cascade or relink). */
  requestDelete(ids: readonly number[]): void {
    const tasks = this.state.data.tasks;
    const going = deletedBy(tasks, ids, 'refuse');
    const withDependents = ids.filter((id) => hasDependents(tasks, id, going));
    if (withDependents.length > 0) this.state.setPendingDelete({ ids: [...ids], withDependents });
    else void this.deleteTasks(ids, 'refuse');
  }

  deleteTasks(ids: readonly number[], mode: DeleteMode): Promise<void> {
    return this.track(this.deleteTasksNow(ids, mode));
  }

  private async deleteTasksNow(ids: readonly number[], mode: DeleteMode): Promise<void> {
    const tasks = this.state.data.tasks;
    this.state.setPendingDelete(null);
    const gone = deletedBy(tasks, ids, mode);
    const snapshot = [...gone].map((id) => tasks.get(id)!);
    const cut = cutEdges(tasks, gone);
    const roots: number[] = [];
    const relinked: Edge[] = [];
    const removed = new Set<number>();
    try {
      for (const id of ids) {
        if (removed.has(id)) continue;
        const result = await this.client.call('delete_task', { task_id: id, on_dependents: mode });
        for (const task of result.deleted) removed.add(task.id);
        relinked.push(...result.relinked);
        roots.push(id);
      }
      this.state.showError(null);
    } catch (error) {
      this.fail(error);
    }
    if (roots.length === 0) return;
    const deleted = snapshot.filter((task) => removed.has(task.id));
    this.state.record({
      kind: 'delete',
      roots,
      mode,
      tasks: deleted,
      cut: cut.filter((edge) => removed.has(edge.depends_on) && !removed.has(edge.task_id)),
      relinked,
    });
  }
}
