// Finds the project a page address names (an id or a name, any case), or the server's current
// project when it names none; a name nobody knows fails with the server's own NOT_FOUND.
import { AppError } from '../../../shared/errors.ts';
import type { RendererClient } from '../../client/feed-status.ts';

/** What the task list shows of its project. */
export interface ProjectSummary {
  id: number;
  name: string;
  root_path: string | null;
}

/** Whether an address reference (id or name, any case) names this project. */
export function namesProject(
  ref: string | number | null,
  name: string,
  id: number | null,
): boolean {
  if (ref === null) return false;
  const text = String(ref);
  return text === String(id) || text.toLowerCase() === name.toLowerCase();
}

function summary({ id, name, root_path }: ProjectSummary): ProjectSummary {
  return { id, name, root_path };
}

export async function resolveProject(
  client: RendererClient,
  ref: string | number | null,
): Promise<ProjectSummary> {
  if (ref === null) return summary((await client.call('get_current_project', {})).project);
  const find = async () =>
    (await client.call('list_projects', {})).projects.find((project) =>
      namesProject(ref, project.name, project.id),
    );
  const project = await find();
  if (project) return summary(project);
  // list_tasks refuses an unknown project with the message and hints the user needs
  await client.call('list_tasks', { project_id: ref, limit: 1, fields: 'compact' });
  const created = await find();
  if (created) return summary(created);
  throw new AppError('NOT_FOUND', `No project "${ref}".`);
}
