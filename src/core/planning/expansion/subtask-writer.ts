// Writes a subtask plan under a task in one transaction: each subtask created (with its parent's
// priority unless it has its own), dependencies on existing tasks and earlier new subtasks given
// at creation, the rest added once their targets exist. Any refusal rolls all of it back.
import { AppError } from '../../../shared/errors.ts';
import type { OperationArgs } from '../../../shared/operations/registry.ts';
import type { TaskRef } from '../../../shared/tasks/task.schema.ts';
import { authorizeChange } from '../../agents/authorization.ts';
import type { CallContext } from '../../call-context.ts';
import type { FeatureServices } from '../../handlers.ts';
import type { TaskRecord } from '../../store/task-rows.ts';
import { requireSameProject, requireTask } from '../../tasks/task-errors.ts';
import { TaskService } from '../../tasks/task.service.ts';
import type { PlannedSubtask, SubtaskPlan } from './subtask-plan.ts';

export interface CreatedSubtask {
  path: string;
  id: number;
  title: string;
  parent_id: number;
  dependencies: number[];
}

export interface WrittenPlan {
  task: TaskRef;
  subtasks: CreatedSubtask[];
}

const CLOSED = new Set(['completed', 'cancelled']);

/** Refuses a task that cannot take subtasks now (closed, or held by someone else for an agent). */
export function requireExpandable(
  services: FeatureServices,
  taskId: number,
  context: CallContext,
): TaskRecord {
  const task = requireTask(services.store, taskId);
  if (CLOSED.has(task.status)) {
    throw new AppError(
      'FORBIDDEN',
      `Task #${task.id} "${task.title}" is ${task.status}; subtasks cannot be added under it.`,
      { task_id: task.id, status: task.status },
      [
        {
          action: 'reopen it first',
          operation: 'update_task_status',
          input: { task_id: task.id, status: 'pending' },
        },
      ],
    );
  }
  authorizeChange(services.store, task, context, services.clock.now());
  return task;
}

function checkExisting(services: FeatureServices, root: TaskRecord, items: PlannedSubtask[]) {
  const ancestors = new Set<number>();
  for (let at: TaskRecord | undefined = root; at;) {
    ancestors.add(at.id);
    at = at.parent_id === null ? undefined : services.store.tasks.get(at.parent_id);
  }
  for (const item of items) {
    for (const id of item.existingDependencies) {
      const task = requireTask(services.store, id, `task to depend on (subtask ${item.path})`);
      requireSameProject(services.store, root, task, 'dependency');
      if (ancestors.has(id)) {
        throw new AppError(
          'CYCLE',
          `Subtask ${item.path} "${item.spec.title}" depends on #${id} "${task.title}", which contains it: a task waits for its subtasks, so neither could ever finish. Remove that dependency. Nothing was created.`,
          { path: item.path, dependency: id },
        );
      }
    }
  }
}

/** Runs a graph-rules step function to its end (a handful of new tasks: no need to yield). */
function finish<T>(steps: Generator<number, T, void>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** Creates the plan under `taskId` in one write; throws (and writes nothing) on any refusal. */
export function writePlan(
  services: FeatureServices,
  taskId: number,
  plan: SubtaskPlan,
  context: CallContext,
): WrittenPlan {
  const { store, rules } = services;
  const tasks = new TaskService(services, services.projects);
  return store.write(() => {
    const root = requireExpandable(services, taskId, context);
    checkExisting(services, root, plan.items);
    const ids = new Map<string, number>();
    const later: [PlannedSubtask, string][] = [];
    const created = plan.items.map((item) => {
      const known = item.newDependencies.filter((path) => ids.has(path));
      later.push(
        ...item.newDependencies
          .filter((path) => !ids.has(path))
          .map((path): [PlannedSubtask, string] => [item, path]),
      );
      const { spec } = item;
      const task = tasks.create(
        {
          parent_id: item.parentPath === null ? root.id : ids.get(item.parentPath)!,
          title: spec.title,
          description: spec.description,
          details: spec.details ?? '',
          test_strategy: spec.test_strategy ?? '',
          priority: spec.priority ?? root.priority,
          acceptance_criteria: spec.acceptance_criteria ?? [],
          tags: spec.tags ?? [],
          dependencies: [
            ...new Set([...item.existingDependencies, ...known.map((path) => ids.get(path)!)]),
          ],
        } as OperationArgs<'create_task'>,
        context,
      );
      ids.set(item.path, task.id);
      return { item, task };
    });
    // dependencies on subtasks listed further down: both exist now
    for (const [item, path] of later) {
      const task = store.tasks.get(ids.get(item.path)!)!;
      finish(rules.addEdge(task, store.tasks.get(ids.get(path)!)!, context));
    }
    return {
      task: { id: root.id, title: root.title, status: root.status },
      subtasks: created.map(({ item, task }) => ({
        path: item.path,
        id: task.id,
        title: task.title,
        parent_id: task.parent_id!,
        dependencies: store.dependencies.prerequisitesOf(task.id),
      })),
    };
  });
}
