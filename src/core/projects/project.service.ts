// Projects: resolving a reference (id, name, or the project the caller's folder and settings
// point at), creating, binding to folders, renaming, and choosing the current one.
import { basename } from 'node:path';
import { AppError, placeholder } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { Project } from '../../shared/operations/projects.ops.ts';
import type { CallContext } from '../call-context.ts';
import { checkGateChange } from '../agents/gates.ts';
import { CoreService } from '../core-service.ts';
import { canonicalFolder, projectOfFolder, type ProjectReason } from './project-resolution.ts';
import { clip } from '../../shared/text/excerpt.ts';

export const DEFAULT_PROJECT_ID = 1;
const CURRENT_PROJECT = 'current_project';

const REASONS: Record<ProjectReason, (project: Project, context: CallContext) => string> = {
  folder: (project) => `because you are in ${project.root_path ?? 'its folder'}`,
  environment: () => 'because ORCHESTRON_PROJECT names it',
  current: () => 'because it is your current project',
  default: () => 'because no folder, ORCHESTRON_PROJECT or current project chose another',
};

export class ProjectService extends CoreService {
  /** The project `ref` names, or the one the caller's context points at when it is undefined. */
  resolve(ref: number | string | undefined, context?: CallContext): Project {
    if (ref === undefined) return this.inEffect(context).project;
    return this.named(ref);
  }

  /** The project a call without a project acts on, and why. */
  inEffect(context?: CallContext): { project: Project; reason: ProjectReason } {
    const { cwd, project: fromEnv } = context?.workspace ?? {};
    if (cwd !== undefined) {
      const bound = projectOfFolder(cwd, this.store.projects.bound());
      if (bound) return { project: bound, reason: 'folder' };
    }
    if (fromEnv !== undefined && fromEnv.trim() !== '')
      return { project: this.named(fromEnv.trim(), 'ORCHESTRON_PROJECT'), reason: 'environment' };
    const current = this.store.preferences.get(CURRENT_PROJECT);
    const chosen = typeof current === 'number' ? this.store.projects.get(current) : undefined;
    if (chosen) return { project: chosen, reason: 'current' };
    return { project: this.store.projects.get(DEFAULT_PROJECT_ID)!, reason: 'default' };
  }

  private named(ref: number | string, source?: string): Project {
    const project =
      typeof ref === 'number' || /^\d+$/.test(ref)
        ? this.store.projects.get(Number(ref))
        : this.store.projects.findByName(ref);
    if (project) return project;
    // names are listed short: a message must never repeat a huge value back
    const known = this.store.projects.someNames().map((name) => clip(name, 40));
    const shown = typeof ref === 'number' ? `with id ${ref}` : `"${clip(ref, 80)}"`;
    throw new AppError(
      'NOT_FOUND',
      `${source ? `${source}: no` : 'No'} project ${shown}. Known projects: ${known.join(', ')}.`,
      { project: typeof ref === 'string' ? ref.slice(0, 200) : ref, known },
      [
        { action: 'see every project', operation: 'list_projects', input: {} },
        { action: 'create it', operation: 'create_project', input: { name: placeholder('name') } },
      ],
    );
  }

  create(
    input: { name: string; description: string; root_path: string | null },
    context: CallContext,
  ): Project {
    return this.store.write(() => {
      this.checkNameFree(input.name);
      const root = input.root_path === null ? null : this.checkFolderFree(input.root_path);
      const now = this.clock.now();
      const id = this.store.projects.insert({
        ...input,
        root_path: root,
        created_at: now,
        updated_at: now,
      });
      const project = this.store.projects.get(id)!;
      this.emit.projectCreated(context, project);
      return project;
    });
  }

  init(
    input: OperationArgs<'init_project'>,
    context: CallContext,
  ): OperationOutput<'init_project'> {
    const root = canonicalFolder(input.root_path);
    const existing = this.store.projects.findByRoot(root);
    if (existing) {
      return {
        project: existing,
        created: false,
        message: `${root} already belongs to project "${existing.name}"; nothing changed.`,
      };
    }
    const name = input.name ?? (basename(root) || 'root');
    const named = this.store.projects.findByName(name);
    if (named && named.root_path === null) {
      const { project } = this.update({ project_id: named.id, root_path: root }, context);
      return {
        project,
        created: false,
        message: `Bound project "${project.name}" to ${root}; commands run inside it now act on it.`,
      };
    }
    const project = this.create({ name, description: input.description, root_path: root }, context);
    return {
      project,
      created: true,
      message: `Created project "${project.name}" for ${root}; commands run inside it now act on it.`,
    };
  }

  update(
    input: OperationArgs<'update_project'>,
    context: CallContext,
  ): OperationOutput<'update_project'> {
    return this.store.write(() => {
      const current = this.named(input.project_id);
      const next = { ...current };
      if (input.name !== undefined && input.name !== current.name) {
        if (input.name.toLowerCase() !== current.name.toLowerCase()) this.checkNameFree(input.name);
        next.name = input.name;
      }
      if (input.description !== undefined) next.description = input.description;
      if (input.requires_approval !== undefined) {
        checkGateChange(
          context,
          `project "${current.name}"`,
          current.requires_approval,
          input.requires_approval,
        );
        next.requires_approval = input.requires_approval;
      }
      if (input.root_path !== undefined) {
        next.root_path = input.root_path === null ? null : canonicalFolder(input.root_path);
        if (next.root_path !== null && next.root_path !== current.root_path)
          this.checkFolderFree(next.root_path);
      }
      const changed = (['name', 'description', 'root_path', 'requires_approval'] as const).filter(
        (field) => next[field] !== current[field],
      );
      if (changed.length === 0) {
        return {
          project: current,
          changed: [],
          message: `Project "${current.name}" already had those values; nothing changed.`,
        };
      }
      next.updated_at = this.clock.now();
      this.store.projects.update(next);
      this.emit.projectUpdated(
        context,
        current.id,
        Object.fromEntries(changed.map((field) => [field, current[field]])),
        Object.fromEntries(changed.map((field) => [field, next[field]])),
      );
      return {
        project: next,
        changed: [...changed],
        message: `Project "${next.name}" updated: ${changed.join(', ')}.`,
      };
    });
  }

  use(input: OperationArgs<'use_project'>): OperationOutput<'use_project'> {
    return this.store.write(() => {
      const project = this.named(input.project_id);
      this.store.preferences.set(CURRENT_PROJECT, project.id);
      return {
        project,
        message: `Project "${project.name}" is now current (outside folders bound to other projects).`,
      };
    });
  }

  current(context: CallContext): OperationOutput<'get_current_project'> {
    const { project, reason } = this.inEffect(context);
    return {
      project,
      reason,
      message: `Project "${project.name}" (id ${project.id}), ${REASONS[reason](project, context)}.`,
    };
  }

  list() {
    return this.store.projects.listWithCounts();
  }

  private checkNameFree(name: string): void {
    const taken = this.store.projects.findByName(name);
    if (taken) {
      throw new AppError(
        'VALIDATION',
        `A project named "${taken.name}" already exists.`,
        { name },
        [
          {
            action: 'use another name',
            operation: 'create_project',
            input: { name: placeholder('another name') },
          },
        ],
      );
    }
  }

  /** The folder, canonical, when no other project is bound to it. */
  private checkFolderFree(folder: string): string {
    const root = canonicalFolder(folder);
    const taken = this.store.projects.findByRoot(root);
    if (taken) {
      throw new AppError(
        'VALIDATION',
        `${root} already belongs to project "${taken.name}"; a folder belongs to one project.`,
        { root_path: root, project: taken.name },
        [
          {
            action: 'unbind it first',
            operation: 'update_project',
            input: { project_id: taken.name, root_path: null },
          },
        ],
      );
    }
    return root;
  }
}
