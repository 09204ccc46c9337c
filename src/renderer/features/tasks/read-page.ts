// One page of a project's tasks, full fields, in id order, with the event it was read at.
import type { Task, CompactTask } from '../../../shared/tasks/task.schema.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import type { TaskPage } from './loaded-tasks.ts';

/** list_tasks answers full tasks when asked for them; the compact shape is skipped. */
function fullTasks(tasks: readonly (Task | CompactTask)[]): Task[] {
  return tasks.filter((task): task is Task => 'priority_label' in task);
}

export async function readPage(
  client: RendererClient,
  projectId: number,
  cursor: string | null,
  limit: number,
): Promise<TaskPage> {
  const page = await client.call('list_tasks', {
    project_id: projectId,
    limit,
    fields: 'full',
    ...(cursor === null ? {} : { cursor }),
  });
  return { ...page, tasks: fullTasks(page.tasks) };
}
