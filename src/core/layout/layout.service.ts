// Saves editor positions for a batch of tasks in one transaction, with one event for the batch
// (a dragged selection or a whole auto-layout), after checking every task is in the project.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import type { Emit } from '../events/emit.ts';
import type { ProjectService } from '../projects/project.service.ts';
import type { Store } from '../store/store.ts';
import { createTaskPositionsRepo, type TaskPositionsRepo } from '../store/task-positions.repo.ts';

export class LayoutService {
  private readonly store: Store;
  private readonly emit: Emit;
  private readonly projects: ProjectService;
  private readonly positions: TaskPositionsRepo;

  constructor(store: Store, emit: Emit, projects: ProjectService) {
    this.store = store;
    this.emit = emit;
    this.projects = projects;
    this.positions = createTaskPositionsRepo(store.db);
  }

  setPositions(
    input: OperationArgs<'set_task_positions'>,
    context: CallContext,
  ): OperationOutput<'set_task_positions'> {
    const ids = input.positions.map((position) => position.task_id);
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (twice.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Task ${[...new Set(twice)].map((id) => `#${id}`).join(', ')} appears more than once in positions; give each task one position.`,
        { duplicates: [...new Set(twice)] },
      );
    }
    return this.store.write(() => {
      const project = this.projects.resolve(input.project_id, context);
      const known = this.positions.idsInProject(project.id, ids);
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        throw new AppError(
          'NOT_FOUND',
          `No task ${missing.map((id) => `#${id}`).join(', ')} in project "${project.name}": it was deleted or belongs to another project. Nothing was moved; reload the graph and try again.`,
          { missing, project_id: project.id },
        );
      }
      this.positions.move(input.positions);
      this.emit.tasksPositioned(context, project.id, input.positions);
      const count = input.positions.length;
      return {
        moved: count,
        message: `Saved the position of ${count} task${count === 1 ? '' : 's'}.`,
      };
    });
  }
}
