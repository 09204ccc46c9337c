// Which tasks a workflow run covers and in what order: a whole project, or one task with its
// subtasks (all the way down) and every task those depend on (transitively), each with its
// prerequisites inside that scope, in an order that respects them; and where each task stands
// when the run starts. A task with no run spec of its own whose subtasks are in the scope is a
// group: it waits for them, and completes when they pass.
import type { WorkflowTaskState } from '../../shared/operations/workflows.ops.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';

export interface PlannedTask {
  id: number;
  title: string;
  dependsOn: number[];
  /** No run spec, and subtasks in the scope: completes once they pass. */
  group: boolean;
}

/** The scope's tasks in dependency order (ties by id). */
export function planScope(store: Store, projectId: number, scopeTaskId: number | null) {
  const all = store.tasks.allOfProject(projectId);
  const edges = store.dependencies.edgesOfProject(projectId);
  const prerequisites = new Map<number, number[]>(all.map((task) => [task.id, []]));
  for (const edge of edges) prerequisites.get(edge.task_id)?.push(edge.depends_on);
  const children = new Map<number, number[]>();
  for (const task of all)
    if (task.parent_id !== null)
      children.set(task.parent_id, [...(children.get(task.parent_id) ?? []), task.id]);
  let inScope = new Set(all.map((task) => task.id));
  if (scopeTaskId !== null) {
    inScope = new Set([scopeTaskId]);
    const stack = [scopeTaskId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const next of [...(children.get(id) ?? []), ...(prerequisites.get(id) ?? [])]) {
        if (inScope.has(next)) continue;
        inScope.add(next);
        stack.push(next);
      }
    }
  }
  const groups = new Set(
    all
      .filter(
        (task) => task.run_spec === null && children.get(task.id)?.some((id) => inScope.has(id)),
      )
      .map((task) => task.id),
  );
  // a group waits for its subtasks as for prerequisites
  for (const id of groups) prerequisites.get(id)!.push(...children.get(id)!);
  const ordered: PlannedTask[] = [];
  const placed = new Set<number>();
  const pending = all.filter((task) => inScope.has(task.id));
  // the graph is acyclic (dependencies refuse cycles), so every pass places at least one task
  while (pending.length > 0) {
    for (let index = 0; index < pending.length; index++) {
      const task = pending[index]!;
      const needs = prerequisites.get(task.id)!.filter((id) => inScope.has(id));
      if (!needs.every((id) => placed.has(id))) continue;
      ordered.push({
        id: task.id,
        title: task.title,
        dependsOn: needs,
        group: groups.has(task.id),
      });
      placed.add(task.id);
      pending.splice(index--, 1);
    }
  }
  return ordered;
}

/** Where a task stands before the run touches it, and why, when it is not simply waiting. */
export function initialState(
  task: TaskRecord,
  group = false,
): { state: WorkflowTaskState; note: string | null } {
  if (task.status === 'completed')
    return { state: 'done_before', note: 'completed before this run' };
  if (task.status === 'review') return { state: 'review', note: "waits for a person's approval" };
  if (task.lease_holder !== null)
    return { state: 'claimed', note: `claimed by ${task.lease_holder}; left alone` };
  if (task.run_spec === null && !group)
    return { state: 'manual', note: 'no run spec: a person or an agent completes it' };
  if (task.paused_at !== null) return { state: 'blocked', note: 'paused by a person' };
  if (task.status === 'blocked' || task.status === 'cancelled')
    return { state: 'blocked', note: `${task.status} before this run` };
  if (task.status === 'needs_input') return { state: 'blocked', note: 'waits for input' };
  return { state: 'waiting', note: null };
}
