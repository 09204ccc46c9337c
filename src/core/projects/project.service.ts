// Projects: resolving a reference (id, name or nothing for the default), creating, listing.
import { AppError } from '../../shared/errors.ts';
import type { Project } from '../../shared/operations/projects.ops.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';

export const DEFAULT_PROJECT_ID = 1;

export class ProjectService extends CoreService {
  resolve(ref: number | string | undefined): Project {
    if (ref === undefined) ref = DEFAULT_PROJECT_ID;
    const project =
      typeof ref === 'number' || /^\d+$/.test(ref)
        ? this.store.projects.get(Number(ref))
        : this.store.projects.findByName(ref);
    if (project) return project;
    const known = this.store.projects.someNames();
    throw new AppError(
      'NOT_FOUND',
      `No project ${typeof ref === 'number' ? `with id ${ref}` : `"${ref}"`}. Known projects: ${known.join(', ')}. Create one with create_project.`,
      { project: ref, known },
    );
  }

  create(
    input: { name: string; description: string; root_path: string | null },
    context: CallContext,
  ): Project {
    return this.store.write(() => {
      if (this.store.projects.findByName(input.name)) {
        throw new AppError(
          'VALIDATION',
          `A project named "${input.name}" already exists; choose another name.`,
          {
            name: input.name,
          },
        );
      }
      const now = this.clock.now();
      const id = this.store.projects.insert({ ...input, created_at: now, updated_at: now });
      const project = this.store.projects.get(id)!;
      this.events.record(context, { type: 'project.created', project_id: id, after: project });
      return project;
    });
  }

  list() {
    return this.store.projects.listWithCounts();
  }
}
