// React adapter of TaskListModel: one model per project shown, started while mounted, and read
// with narrow selectors so that each part of the page re-renders only for what it shows.
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useClient } from '../../client/client-context.tsx';
import { TaskListModel, type TaskListState } from './task-list-model.ts';

export const TaskListContext = createContext<TaskListModel | null>(null);

/** Creates and runs the model of the project the address names (the current one for null). */
export function useTaskListModel(projectRef: string | null): TaskListModel {
  const client = useClient();
  const model = useMemo(() => new TaskListModel(client, projectRef), [client, projectRef]);
  useEffect(() => model.start(), [model]);
  return model;
}

export function useTaskListContext(): TaskListModel {
  const model = useContext(TaskListContext);
  if (!model) throw new Error('useTaskList needs a <TaskListContext> above it.');
  return model;
}

/** One value of the list's state; `select` must return a primitive or a kept reference. */
export function useTaskList<T>(select: (state: TaskListState) => T): T {
  const model = useTaskListContext();
  return useSyncExternalStore(model.onChange, () => select(model.getState()));
}
