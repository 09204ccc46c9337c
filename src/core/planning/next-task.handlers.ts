// The next-task operation, bound to its service.
import type { FeatureBinding } from '../handlers.ts';
import { NextTaskService } from './next-task.service.ts';

export const nextTaskHandlers: FeatureBinding<'nextTask'> = ({ store, projects, clock }) => {
  const next = new NextTaskService(store, projects, clock);
  return { get_next_task: (args, context) => next.next(args, context) };
};
