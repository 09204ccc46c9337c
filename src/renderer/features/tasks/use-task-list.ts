// React adapter of TaskListModel: one model per project shown, started while mounted.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useClient } from '../../client/client-context.tsx';
import { TaskListModel, type TaskListState } from './task-list-model.ts';

export function useTaskList(projectRef: string | null): {
  state: TaskListState;
  model: TaskListModel;
} {
  const client = useClient();
  const model = useMemo(() => new TaskListModel(client, projectRef), [client, projectRef]);
  useEffect(() => model.start(), [model]);
  const state = useSyncExternalStore(model.onChange, model.getState);
  return { state, model };
}
