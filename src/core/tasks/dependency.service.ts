// Adding and removing dependency edges, refusing any that would close a cycle.
import { CoreService } from '../core-service.ts';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { findCycle } from '../graph/cycle-check.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { cycleError, requireSameProject, requireTask } from './task-errors.ts';
import { toTask } from './task-view.ts';

type DependencyArgs = OperationArgs<'add_dependency'>;
type DependencyResult = OperationOutput<'add_dependency'>;

export class DependencyService extends CoreService {
  add(input: DependencyArgs, context: CallContext): DependencyResult {
    const { store } = this;
    return store.write(() => {
      const [task, prerequisite] = this.endpoints(input);
      if (task.id === prerequisite.id) {
        throw new AppError(
          'VALIDATION',
          `Task ${task.id} cannot depend on itself; name a different depends_on.`,
          { task_id: task.id },
        );
      }
      if (store.dependencies.exists(task.id, prerequisite.id)) {
        return {
          task: toTask(store, task),
          message: `Task ${task.id} already depends on ${prerequisite.id}; nothing changed.`,
        };
      }
      const cycle = findCycle(store, task.id, prerequisite.id);
      if (cycle) throw cycleError(store, cycle);
      store.dependencies.insert(task.id, prerequisite.id, this.clock.now());
      this.bumpVersion(task);
      this.events.record(context, {
        type: 'dependency.added',
        project_id: task.project_id,
        task_id: task.id,
        after: { task_id: task.id, depends_on: prerequisite.id },
      });
      this.derived.refresh([task.id], context);
      return {
        task: toTask(store, store.tasks.get(task.id)!),
        message: `Task ${task.id} now depends on ${prerequisite.id}.`,
      };
    });
  }

  remove(input: DependencyArgs, context: CallContext): DependencyResult {
    const { store } = this;
    return store.write(() => {
      const [task, prerequisite] = this.endpoints(input);
      if (!store.dependencies.remove(task.id, prerequisite.id)) {
        const current = store.dependencies.prerequisitesOf(task.id);
        throw new AppError(
          'NOT_FOUND',
          `Task ${task.id} does not depend on ${prerequisite.id}; its dependencies are ${current.length ? current.join(', ') : 'none'}.`,
          { task_id: task.id, dependencies: current },
        );
      }
      this.bumpVersion(task);
      this.events.record(context, {
        type: 'dependency.removed',
        project_id: task.project_id,
        task_id: task.id,
        before: { task_id: task.id, depends_on: prerequisite.id },
      });
      this.derived.refresh([task.id], context);
      return {
        task: toTask(store, store.tasks.get(task.id)!),
        message: `Task ${task.id} no longer depends on ${prerequisite.id}.`,
      };
    });
  }

  private endpoints(input: DependencyArgs): [TaskRecord, TaskRecord] {
    const task = requireTask(this.store, input.task_id);
    const prerequisite = requireTask(this.store, input.depends_on, 'task to depend on');
    requireSameProject(task, prerequisite, 'dependency');
    return [task, prerequisite];
  }

  private bumpVersion(task: TaskRecord): void {
    this.store.tasks.update(task.id, {
      ...task,
      version: task.version + 1,
      updated_at: this.clock.now(),
    });
  }
}
