// The list_events operation: a page of the event log after a given id.
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { ProjectService } from '../projects/project.service.ts';
import type { Store } from '../store/store.ts';

export function listEvents(
  store: Store,
  projects: ProjectService,
  args: OperationArgs<'list_events'>,
): OperationOutput<'list_events'> {
  const events = store.events.query({
    after_id: args.after_id,
    limit: args.limit,
    ...(args.task_id !== undefined ? { task_id: args.task_id } : {}),
    ...(args.project_id !== undefined ? { project_id: projects.resolve(args.project_id).id } : {}),
  });
  return { events, next_after_id: events.at(-1)?.id ?? args.after_id };
}
