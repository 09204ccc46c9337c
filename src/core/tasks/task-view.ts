// Turns task records into the shapes callers receive, reading tags, file refs and dependencies
// for a whole page in three queries.
import { priorityLabel } from '../../shared/tasks/task-fields.ts';
import type { CompactTask, Task } from '../../shared/tasks/task.schema.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';

export function isReady(task: Pick<TaskRecord, 'status' | 'unmet_dependencies'>): boolean {
  return task.status === 'pending' && task.unmet_dependencies === 0;
}

/** Waiting on a failure matters only while the task itself is still to be done. */
export function isWaitingOnFailed(
  task: Pick<TaskRecord, 'status' | 'failed_prerequisites'>,
): boolean {
  return (
    task.failed_prerequisites > 0 && !['completed', 'failed', 'cancelled'].includes(task.status)
  );
}

function dependencyMap(store: Store, ids: number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const edge of store.dependencies.edgesOf(ids)) {
    const list = map.get(edge.task_id);
    if (list) list.push(edge.depends_on);
    else map.set(edge.task_id, [edge.depends_on]);
  }
  return map;
}

export function toTasks(store: Store, records: readonly TaskRecord[]): Task[] {
  if (records.length === 0) return [];
  const ids = records.map((record) => record.id);
  const tags = store.details.tagsOf(ids);
  const fileRefs = store.details.fileRefsOf(ids);
  const dependencies = dependencyMap(store, ids);
  return records.map((record) => {
    const { unmet_dependencies: _unmet, failed_prerequisites: _failed, ...fields } = record;
    return {
      ...fields,
      priority_label: priorityLabel(record.priority),
      tags: tags.get(record.id) ?? [],
      dependencies: dependencies.get(record.id) ?? [],
      file_refs: fileRefs.get(record.id) ?? [],
      ready: isReady(record),
      waiting_on_failed: isWaitingOnFailed(record),
    };
  });
}

export function toTask(store: Store, record: TaskRecord): Task {
  return toTasks(store, [record])[0]!;
}

export function toCompactTasks(store: Store, records: readonly TaskRecord[]): CompactTask[] {
  const dependencies = dependencyMap(
    store,
    records.map((record) => record.id),
  );
  return records.map(({ id, title, status, priority, lease_holder }) => ({
    id,
    title,
    status,
    priority,
    dependencies: dependencies.get(id) ?? [],
    lease_holder,
  }));
}
