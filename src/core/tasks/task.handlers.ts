// The task and dependency operations, bound to their services.
import type { FeatureBinding } from '../handlers.ts';
import { DependencyService } from './dependency.service.ts';
import { StatusService } from './status.service.ts';
import { TaskRemovalService } from './task-removal.service.ts';
import { TaskService } from './task.service.ts';

export const taskHandlers: FeatureBinding<'tasks'> = (services) => {
  const tasks = new TaskService(services, services.projects);
  const statuses = new StatusService(services);
  const removal = new TaskRemovalService(services);
  return {
    create_task: (args, context) => {
      const task = tasks.create(args, context);
      return { task, message: `Created task ${task.id} "${task.title}".` };
    },
    get_task: (args) => tasks.get(args),
    list_tasks: (args, context) => tasks.list(args, context),
    update_task: (args, context) => tasks.update(args, context),
    update_task_status: (args, context) => statuses.setStatus(args, context),
    delete_task: (args, context) => removal.delete(args, context),
  };
};

export const dependencyHandlers: FeatureBinding<'dependencies'> = (services) => {
  const dependencies = new DependencyService(services);
  return {
    add_dependency: (args, context) => dependencies.add(args, context),
    remove_dependency: (args, context) => dependencies.remove(args, context),
  };
};
