// Setting and lifting approval gates on a task or a whole project. Anyone may add a gate; only
// a person lifts one, so an agent cannot wave its own work through.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { ProjectService } from '../projects/project.service.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { toTask } from '../tasks/task-view.ts';
import { checkGateChange } from './gates.ts';

type Output = OperationOutput<'set_approval_gate'>;

export class ApprovalGateService extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  set(input: OperationArgs<'set_approval_gate'>, context: CallContext): Output {
    const { task_id: taskId, project_id: projectRef } = input;
    if ((taskId === undefined) === (projectRef === undefined)) {
      throw new AppError(
        'VALIDATION',
        taskId === undefined
          ? 'Name what to gate: give task_id for one task, or project_id for every task of a project.'
          : 'Give task_id or project_id, not both: a gate is set on one task or on a whole project.',
      );
    }
    return this.store.write(() =>
      taskId !== undefined
        ? this.setOnTask(taskId, input.required, context)
        : this.setOnProject(projectRef!, input.required, context),
    );
  }

  private setOnTask(taskId: number, required: boolean, context: CallContext): Output {
    const current = requireTask(this.store, taskId);
    const name = `#${current.id} "${current.title}"`;
    checkGateChange(context, `task ${name}`, current.requires_approval, required);
    if (current.requires_approval === required) {
      return {
        message: `${name} ${required ? 'already requires' : 'did not require'} a person's approval; nothing changed.`,
        changed: false,
        task: toTask(this.store, current),
      };
    }
    const next = {
      ...current,
      requires_approval: required,
      version: current.version + 1,
      updated_at: this.clock.now(),
    };
    this.store.tasks.update(current.id, next);
    this.emit.taskGateChanged(context, next, current.requires_approval, required);
    return {
      message: required
        ? `${name} now requires a person's approval: an agent's completion will wait in review.`
        : `${name} no longer requires approval of its own (its project's gate, if any, still applies).`,
      changed: true,
      task: toTask(this.store, this.store.tasks.get(current.id)!),
    };
  }

  private setOnProject(ref: number | string, required: boolean, context: CallContext): Output {
    const current = this.projects.resolve(ref);
    const name = `Project "${current.name}"`;
    checkGateChange(context, `project "${current.name}"`, current.requires_approval, required);
    if (current.requires_approval === required) {
      return {
        message: `${name} ${required ? 'already requires' : 'did not require'} a person's approval; nothing changed.`,
        changed: false,
        project: current,
      };
    }
    const next = { ...current, requires_approval: required, updated_at: this.clock.now() };
    this.store.projects.update(next);
    this.emit.projectGateChanged(context, next, current.requires_approval, required);
    return {
      message: required
        ? `${name} now requires a person's approval for every task: agents' completions will wait in review.`
        : `${name} no longer requires approval; tasks gated one by one still do.`,
      changed: true,
      project: next,
    };
  }
}
