// Adding and removing dependency edges through the graph rules, which refuse any that would
// close a cycle and keep readiness in step.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { Work } from '../work.ts';
import { requireSameProject, requireTask } from './task-errors.ts';
import { toTask } from './task-view.ts';

type DependencyArgs = OperationArgs<'add_dependency'>;
type DependencyResult = OperationOutput<'add_dependency'>;

export class DependencyService extends CoreService {
  add(input: DependencyArgs, context: CallContext): Promise<DependencyResult> {
    const { store } = this;
    return store.writeAsync(async () => {
      const [task, prerequisite] = this.endpoints(input);
      if (task.id === prerequisite.id) {
        throw new AppError(
          'VALIDATION',
          `Task ${task.id} cannot depend on itself; name a different depends_on.`,
          { task_id: task.id },
        );
      }
      const work = new Work(context, `updating the tasks after #${task.id}`, 0);
      if (!(await work.run(this.rules.addEdge(task, prerequisite, context)))) {
        return {
          task: toTask(store, task),
          message: `Task ${task.id} already depends on ${prerequisite.id}; nothing changed.`,
        };
      }
      return {
        task: toTask(store, store.tasks.get(task.id)!),
        message: `Task ${task.id} now depends on ${prerequisite.id}.`,
      };
    });
  }

  remove(input: DependencyArgs, context: CallContext): Promise<DependencyResult> {
    const { store } = this;
    return store.writeAsync(async () => {
      const [task, prerequisite] = this.endpoints(input);
      const work = new Work(context, `updating the tasks after #${task.id}`, 0);
      if (!(await work.run(this.rules.removeEdge(task, prerequisite.id, context)))) {
        const current = store.dependencies.prerequisitesOf(task.id);
        throw new AppError(
          'NOT_FOUND',
          `Task ${task.id} does not depend on ${prerequisite.id}; its dependencies are ${current.length ? current.join(', ') : 'none'}.`,
          { task_id: task.id, dependencies: current },
        );
      }
      return {
        task: toTask(store, store.tasks.get(task.id)!),
        message: `Task ${task.id} no longer depends on ${prerequisite.id}.`,
      };
    });
  }

  private endpoints(input: DependencyArgs): [TaskRecord, TaskRecord] {
    const task = requireTask(this.store, input.task_id);
    const prerequisite = requireTask(this.store, input.depends_on, 'task to depend on');
    requireSameProject(this.store, task, prerequisite, 'dependency');
    return [task, prerequisite];
  }
}
