// The project's graph as the server has it: tasks, open questions, the critical path, and
// whether the first read is done. Changed only by reads and by events of the feed.
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorPayload } from '../../shared/errors.ts';
import type { OrchestronEvent } from '../../shared/operations/events.ops.ts';
import type { Task } from '../../shared/tasks/task.schema.ts';
import { applyGraphEvent, type GraphData } from '../features/graph/graph-events.ts';
import type { ProjectSummary } from '../features/tasks/project-lookup.ts';
import type { GraphState } from './graph-store.ts';

export interface GraphDataSlice {
  phase: 'loading' | 'ready' | 'failed';
  project: ProjectSummary | null;
  data: GraphData;
  criticalPath: readonly number[];
  loadError: ErrorPayload | null;
  loaded(project: ProjectSummary, data: GraphData): void;
  loadFailed(error: ErrorPayload): void;
  /** Applies feed events in order; false when one asks for a fresh read instead. */
  applyEvents(events: readonly OrchestronEvent[]): boolean;
  /** Sets positions locally at once (the server's event confirms them later). */
  placeTasks(positions: readonly { task_id: number; x: number; y: number }[]): void;
  setCriticalPath(ids: readonly number[]): void;
}

export const EMPTY_DATA: GraphData = { tasks: new Map<number, Task>(), questions: new Map() };

export const createGraphDataSlice: StateCreator<GraphState, [], [], GraphDataSlice> = (
  set,
  get,
) => ({
  phase: 'loading',
  project: null,
  data: EMPTY_DATA,
  criticalPath: [],
  loadError: null,
  loaded: (project, data) => set({ phase: 'ready', project, data, loadError: null }),
  loadFailed: (error) =>
    set((state) => ({ phase: state.phase === 'ready' ? 'ready' : 'failed', loadError: error })),
  applyEvents(events) {
    const project = get().project;
    if (!project) return true;
    let data = get().data;
    for (const event of events) {
      const next = applyGraphEvent(data, event, project.id);
      if (next === 'reload') return false;
      data = next;
    }
    if (data !== get().data) set({ data });
    return true;
  },
  placeTasks(positions) {
    const data = get().data;
    const tasks = new Map(data.tasks);
    for (const { task_id, x, y } of positions) {
      const task = tasks.get(task_id);
      if (task) tasks.set(task_id, { ...task, position: { x, y } });
    }
    set({ data: { ...data, tasks } });
  },
  setCriticalPath: (ids) => set({ criticalPath: ids }),
});
