// Creating, reading, listing and editing tasks. Every write runs in one transaction with its
// events; reads page so a large project never arrives whole.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { DEFAULT_PRIORITY } from '../../shared/tasks/task-fields.ts';
import type { Task } from '../../shared/tasks/task.schema.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import { findCycle } from '../graph/cycle-check.ts';
import type { ProjectService } from '../projects/project.service.ts';
import type { TaskRecord, TaskWrite } from '../store/task-rows.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { blocksDependents } from './derived-state.ts';
import { checkVersion, cycleError, requireSameProject, requireTask } from './task-errors.ts';
import { toCompactTasks, toTask, toTasks } from './task-view.ts';

/** Fields compared to decide what an update changed, in the order reported. */
const EDITABLE = [
  'title',
  'description',
  'details',
  'test_strategy',
  'acceptance_criteria',
  'priority',
  'tags',
  'file_refs',
  'assignee',
  'code_language',
  'execution_environment',
  'complexity_score',
  'estimated_hours',
  'progress',
  'position',
  'parent_id',
] as const;

export class TaskService extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  create(input: OperationArgs<'create_task'>, context: CallContext): Task {
    return this.store.write(() => {
      const parent =
        input.parent_id === undefined
          ? undefined
          : requireTask(this.store, input.parent_id, 'parent task');
      const project =
        input.project_id === undefined && parent
          ? this.store.projects.get(parent.project_id)!
          : this.projects.resolve(input.project_id);
      if (parent && parent.project_id !== project.id) {
        throw new AppError(
          'VALIDATION',
          `Parent task ${parent.id} is in project ${parent.project_id}, not ${project.id}; a subtask lives in its parent's project. Omit project_id.`,
        );
      }
      const prerequisites = this.requirePrerequisites(input.dependencies, project.id);
      const now = this.clock.now();
      const record: TaskWrite = {
        project_id: project.id,
        parent_id: parent?.id ?? null,
        title: input.title,
        description: input.description,
        details: input.details ?? '',
        test_strategy: input.test_strategy ?? '',
        acceptance_criteria: input.acceptance_criteria ?? [],
        status: 'pending',
        priority: input.priority ?? DEFAULT_PRIORITY,
        assignee: input.assignee ?? null,
        code_language: input.code_language ?? null,
        execution_environment: input.execution_environment ?? null,
        complexity_score: input.complexity_score ?? null,
        estimated_hours: input.estimated_hours ?? null,
        progress: 0,
        version: 1,
        created_by: context.actor,
        created_at: now,
        updated_at: now,
        started_at: null,
        completed_at: null,
        position: input.position ?? null,
      };
      const id = this.store.tasks.insert(record);
      this.store.details.addTags(id, input.tags);
      this.store.details.addFileRefs(id, input.file_refs ?? []);
      for (const prerequisite of prerequisites)
        this.store.dependencies.insert(id, prerequisite.id, now);
      // a new task has no dependents: only its parent, which waits for it, can close a cycle
      const cycle = parent ? findCycle(this.store, parent.id, id) : null;
      if (cycle) throw cycleError(this.store, cycle);
      this.derived.refresh([id], context, { silent: true });
      const task = toTask(this.store, this.store.tasks.get(id)!);
      this.events.record(context, {
        type: 'task.created',
        project_id: project.id,
        task_id: id,
        after: task,
      });
      return task;
    });
  }

  get(input: OperationArgs<'get_task'>): OperationOutput<'get_task'> {
    const record = requireTask(this.store, input.task_id);
    const task = toTask(this.store, record);
    const dependencies = this.store.tasks.refs(task.dependencies);
    const failed = new Set(
      this.store.dependencies
        .prerequisiteStates(record.id)
        .filter(blocksDependents)
        .map((state) => state.id),
    );
    return {
      task,
      dependencies,
      dependents: this.store.tasks.refs(this.store.dependencies.dependentsOf(record.id)),
      subtasks: this.store.tasks.subtaskRefs(record.id),
      failed_prerequisites: dependencies.filter((ref) => failed.has(ref.id)),
      commits: this.store.commits.ofTask(record.id),
      ...(input.include_executions ? { executions: [] } : {}),
      ...(input.include_analysis ? { analysis: [] } : {}),
    };
  }

  list(input: OperationArgs<'list_tasks'>): OperationOutput<'list_tasks'> {
    const project = this.projects.resolve(input.project_id);
    const filter = {
      project_id: project.id,
      ...(input.status !== undefined
        ? { statuses: Array.isArray(input.status) ? input.status : [input.status] }
        : {}),
      ...(input.code_language !== undefined ? { code_language: input.code_language } : {}),
      ...(input.tag !== undefined ? { tag: input.tag } : {}),
      ...(input.assignee !== undefined ? { assignee: input.assignee } : {}),
      ...(input.parent_id !== undefined ? { parent_id: input.parent_id } : {}),
      ...(input.ready !== undefined ? { ready: input.ready } : {}),
    };
    const after = input.cursor ? decodeCursor(input.cursor, ['after']).after : 0;
    const records = this.store.taskLists.page(filter, after, input.limit + 1);
    const more = records.length > input.limit;
    const page = more ? records.slice(0, input.limit) : records;
    return {
      tasks:
        input.fields === 'compact' ? toCompactTasks(this.store, page) : toTasks(this.store, page),
      count: this.store.taskLists.count(filter),
      next_cursor: more ? encodeCursor({ after: page.at(-1)!.id }) : null,
      ...(input.include_metrics ? { metrics: this.store.taskLists.metrics(project.id) } : {}),
    };
  }

  update(
    input: OperationArgs<'update_task'>,
    context: CallContext,
  ): OperationOutput<'update_task'> {
    return this.store.write(() => {
      const current = requireTask(this.store, input.task_id);
      checkVersion(current, input.expected_version);
      const before = toTask(this.store, current);
      const changed = EDITABLE.filter(
        (field) =>
          input[field] !== undefined &&
          JSON.stringify(input[field]) !== JSON.stringify(before[field]),
      );
      if (changed.length === 0) {
        return {
          task: before,
          changed: [],
          message: `Task ${current.id} already had those values; nothing changed.`,
        };
      }
      if (changed.includes('parent_id')) this.moveUnderParent(current, input.parent_id ?? null);
      const next: TaskRecord = {
        ...current,
        version: current.version + 1,
        updated_at: this.clock.now(),
      };
      for (const field of changed) {
        if (field !== 'tags' && field !== 'file_refs')
          Object.assign(next, { [field]: input[field] });
      }
      this.store.tasks.update(current.id, next);
      if (input.tags !== undefined) this.store.details.replaceTags(current.id, input.tags);
      if (input.file_refs !== undefined)
        this.store.details.replaceFileRefs(current.id, input.file_refs);
      const task = toTask(this.store, this.store.tasks.get(current.id)!);
      this.events.record(context, {
        type: 'task.updated',
        project_id: current.project_id,
        task_id: current.id,
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, task[field]])),
      });
      return {
        task,
        changed: [...changed],
        message: `Task ${current.id} updated: ${changed.join(', ')}.`,
      };
    });
  }

  private requirePrerequisites(ids: readonly number[], projectId: number): TaskRecord[] {
    const found = this.store.tasks.getMany(ids);
    const missing = ids.filter((id) => !found.some((task) => task.id === id));
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `No task with id ${missing.join(', ')} to depend on. Create it first or check the ids with list_tasks.`,
        {
          missing,
        },
      );
    }
    const elsewhere = found.filter((task) => task.project_id !== projectId).map((task) => task.id);
    if (elsewhere.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Tasks ${elsewhere.join(', ')} belong to another project; dependencies must stay within one project.`,
        {
          elsewhere,
        },
      );
    }
    return found;
  }

  /** Re-parents a task, refusing a parent in another project, below the task, or waiting on it. */
  private moveUnderParent(task: TaskRecord, parentId: number | null): void {
    if (parentId === null) return;
    const parent = requireTask(this.store, parentId, 'parent task');
    requireSameProject(task, parent, 'subtask');
    if (parent.id === task.id || this.store.tasks.descendantIds(task.id).includes(parent.id)) {
      throw new AppError(
        'VALIDATION',
        `Task ${parent.id} is task ${task.id} itself or one of its subtasks; choose a parent outside it.`,
      );
    }
    const cycle = findCycle(this.store, parent.id, task.id);
    if (cycle) throw cycleError(this.store, cycle);
  }
}
