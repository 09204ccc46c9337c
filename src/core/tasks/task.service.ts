// Creating, reading, listing and editing tasks, field by field as the task declaration lists
// them. Every write runs in one transaction with its events; reads page so a large project
// never arrives whole.
import { RUN_LIMITS } from '../../shared/operations/runs.ops.ts';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import {
  COLUMN_FIELDS,
  TASK_FIELDS,
  UPDATE_FIELDS,
  initialValue,
} from '../../shared/tasks/task-declaration.ts';
import type { Task } from '../../shared/tasks/task.schema.ts';
import { authorizeChange } from '../agents/authorization.ts';
import { gateDetails } from '../agents/clarification.service.ts';
import { checkGateChange } from '../agents/gates.ts';
import { refuseProgressOverCheckpoints } from '../agents/progress.service.ts';
import { workDetails } from '../agents/work-details.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import { findCycle } from '../graph/cycle-check.ts';
import type { ProjectService } from '../projects/project.service.ts';
import { createTaskAnalysesRepo } from '../store/task-analyses.repo.ts';
import type { TaskRecord, TaskWrite } from '../store/task-rows.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { blocksDependents } from './graph-rules.ts';
import { checkVersion, cycleError, requireSameProject, requireTask } from './task-errors.ts';
import { toCompactTasks, toTask, toTasks } from './task-view.ts';

/** Fields compared to decide what an update changed, in the order reported. */
const EDITABLE = [...UPDATE_FIELDS, 'parent_id'] as const;
type Editable = (typeof EDITABLE)[number];

const CLOSED_PARENT = new Set(['completed', 'cancelled']);

/**
 * A task's neighbours shown by get_task at most (its counts say how many there are in all), so
 * a hub with thousands of dependents still answers within an agent's context window.
 */
export const NEIGHBOURS_SHOWN = 50;
/** Its latest linked commits shown. */
export const COMMITS_SHOWN = 20;

export class TaskService extends CoreService {
  private readonly projects: ProjectService;
  /** The analyses behind its complexity and hours, shown with include_analysis. */
  private readonly analyses = createTaskAnalysesRepo(this.store.db);

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
      if (parent) this.checkOpenParent(parent);
      const project =
        input.project_id === undefined && parent
          ? this.store.projects.get(parent.project_id)!
          : this.projects.resolve(input.project_id, context);
      if (parent && parent.project_id !== project.id) {
        throw new AppError(
          'VALIDATION',
          `Parent task ${parent.id} is in project "${this.store.projects.get(parent.project_id)?.name}", not "${project.name}"; a subtask lives in its parent's project. Leave the project out.`,
        );
      }
      const dependencies = (input.dependencies ?? []) as number[];
      const prerequisites = this.requirePrerequisites(dependencies, project.id);
      const id = this.store.tasks.insert(this.newRecord(input, project.id, parent, context));
      this.store.details.addTags(id, input.tags ?? []);
      this.store.details.addFileRefs(id, input.file_refs ?? []);
      this.rules.taskInserted(id, prerequisites, context);
      // a new task has no dependents: only its parent, which waits for it, can close a cycle
      const cycle = parent ? findCycle(this.store, parent.id, id) : null;
      if (cycle) throw cycleError(this.store, cycle);
      const task = toTask(this.store, this.store.tasks.get(id)!);
      this.emit.taskCreated(context, task);
      return task;
    });
  }

  /** A new task's columns: what the caller gave, else each field's declared initial value. */
  private newRecord(
    input: OperationArgs<'create_task'>,
    projectId: number,
    parent: TaskRecord | undefined,
    context: CallContext,
  ): TaskWrite {
    const now = this.clock.now();
    const given = input as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    for (const name of COLUMN_FIELDS) {
      if (name !== 'id') record[name] = given[name] ?? initialValue(name) ?? null;
    }
    return {
      ...(record as TaskWrite),
      project_id: projectId,
      parent_id: parent?.id ?? null,
      version: 1,
      created_by: context.actor,
      created_at: now,
      updated_at: now,
    };
  }

  get(input: OperationArgs<'get_task'>): OperationOutput<'get_task'> {
    return this.store.read(() => {
      const record = requireTask(this.store, input.task_id);
      const task = toTask(this.store, record);
      const dependencies = this.store.tasks.refs(task.dependencies);
      const failed = new Set(
        this.store.dependencies
          .prerequisiteStates(record.id)
          .filter(blocksDependents)
          .map((state) => state.id),
      );
      const dependents = this.store.dependencies.dependentsOf(record.id);
      const subtasks = this.store.tasks.subtaskRefs(record.id);
      const commits = this.store.commits.ofTask(record.id);
      return {
        task,
        dependencies: dependencies.slice(0, NEIGHBOURS_SHOWN),
        dependents: this.store.tasks.refs(dependents.slice(0, NEIGHBOURS_SHOWN)),
        subtasks: subtasks.slice(0, NEIGHBOURS_SHOWN),
        failed_prerequisites: dependencies.filter((ref) => failed.has(ref.id)),
        commits: commits.slice(-COMMITS_SHOWN),
        counts: {
          dependencies: dependencies.length,
          dependents: dependents.length,
          subtasks: subtasks.length,
          commits: commits.length,
        },
        ...workDetails(this.store, record.id),
        ...gateDetails(this.store, record.id),
        ...(input.include_executions
          ? { executions: this.store.runs.ofTask(record.id, RUN_LIMITS.executionsShown) }
          : {}),
        ...(input.include_analysis ? { analysis: this.analyses.ofTask(record.id) } : {}),
      };
    });
  }

  list(input: OperationArgs<'list_tasks'>, context: CallContext): OperationOutput<'list_tasks'> {
    return this.store.read(() => {
      const project = this.projects.resolve(input.project_id, context);
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
        as_of_event: this.store.events.lastId(),
      };
    });
  }

  update(
    input: OperationArgs<'update_task'>,
    context: CallContext,
  ): OperationOutput<'update_task'> {
    return this.store.write(() => {
      const current = requireTask(this.store, input.task_id);
      checkVersion(current, input.expected_version);
      authorizeChange(this.store, current, context, this.clock.now());
      if (input.requires_approval !== undefined) {
        const name = `task #${current.id} "${current.title}"`;
        checkGateChange(context, name, current.requires_approval, input.requires_approval);
      }
      const before = toTask(this.store, current);
      const given = input as Record<string, unknown>;
      const changed = EDITABLE.filter(
        (field) =>
          given[field] !== undefined &&
          JSON.stringify(given[field]) !== JSON.stringify(before[field]),
      );
      if (changed.includes('progress'))
        refuseProgressOverCheckpoints(this.store, current, input.progress!);
      if (changed.length === 0) {
        return {
          task: before,
          changed: [],
          message: `#${current.id} ${current.title}: nothing changed (it already had those values).`,
        };
      }
      if (changed.includes('parent_id')) this.moveUnderParent(current, input.parent_id ?? null);
      this.write(current, changed, given);
      const task = toTask(this.store, this.store.tasks.get(current.id)!);
      this.emit.taskUpdated(
        context,
        current,
        Object.fromEntries(changed.map((field) => [field, before[field]])),
        Object.fromEntries(changed.map((field) => [field, task[field]])),
      );
      return {
        task,
        changed: [...changed],
        message: `#${task.id} ${task.title}: updated ${changed.join(', ')}.`,
      };
    });
  }

  /** Writes the changed fields where each is stored: its column, or its side table. */
  private write(current: TaskRecord, changed: readonly Editable[], given: Record<string, unknown>) {
    const next: Record<string, unknown> = {
      ...current,
      version: current.version + 1,
      updated_at: this.clock.now(),
    };
    for (const field of changed) {
      const storage = field === 'parent_id' ? 'column' : TASK_FIELDS[field].storage;
      if (storage === 'tags') this.store.details.replaceTags(current.id, given[field] as string[]);
      else if (storage === 'file_refs')
        this.store.details.replaceFileRefs(current.id, given[field] as Task['file_refs']);
      else next[field] = given[field];
    }
    this.store.tasks.update(current.id, next as unknown as TaskWrite);
  }

  private checkOpenParent(parent: TaskRecord): void {
    if (!CLOSED_PARENT.has(parent.status)) return;
    throw new AppError(
      'FORBIDDEN',
      `Task #${parent.id} "${parent.title}" is ${parent.status}; a subtask cannot be added under it.`,
      { parent_id: parent.id, status: parent.status },
      [
        {
          action: 'reopen it first',
          operation: 'update_task_status',
          input: { task_id: parent.id, status: 'pending' },
        },
      ],
    );
  }

  private requirePrerequisites(ids: readonly number[], projectId: number): TaskRecord[] {
    const found = this.store.tasks.getMany(ids);
    const missing = ids.filter((id) => !found.some((task) => task.id === id));
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `No task with id ${missing.join(', ')} to depend on.`,
        { missing },
        [{ action: 'check the ids', operation: 'list_tasks', input: {} }],
      );
    }
    const elsewhere = found.filter((task) => task.project_id !== projectId);
    if (elsewhere.length > 0) {
      const here = this.store.projects.get(projectId)?.name;
      const names = elsewhere.map(
        (task) => `#${task.id} (project "${this.store.projects.get(task.project_id)?.name}")`,
      );
      throw new AppError(
        'VALIDATION',
        `Tasks ${names.join(', ')} belong to another project than "${here}"; dependencies must stay within one project.`,
        { elsewhere: elsewhere.map((task) => task.id) },
      );
    }
    return found;
  }

  /** Re-parents a task, refusing a parent in another project, below the task, closed, or waiting on it. */
  private moveUnderParent(task: TaskRecord, parentId: number | null): void {
    if (parentId === null) return;
    const parent = requireTask(this.store, parentId, 'parent task');
    requireSameProject(this.store, task, parent, 'subtask');
    if (parent.id === task.id || this.store.tasks.descendantIds(task.id).includes(parent.id)) {
      throw new AppError(
        'VALIDATION',
        `Task ${parent.id} is task ${task.id} itself or one of its subtasks; choose a parent outside it.`,
      );
    }
    this.checkOpenParent(parent);
    const cycle = findCycle(this.store, parent.id, task.id);
    if (cycle) throw cycleError(this.store, cycle);
  }
}
