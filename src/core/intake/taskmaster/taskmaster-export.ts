// export_taskmaster: a project as Task Master's tasks.json. Top-level tasks keep their ids;
// subtasks (and theirs, which Task Master cannot nest) go under their top-level task with local
// ids 1, 2, 3…; dependencies are written in Task Master's notation, which import_taskmaster reads.
import type { z } from 'zod';
import type { OperationArgs, OperationOutput } from '../../../shared/operations/registry.ts';
import type { TaskMasterTaskSchema } from '../../../shared/operations/taskmaster.ops.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import type { CallContext } from '../../call-context.ts';
import { CoreService, type CoreServices } from '../../core-service.ts';
import type { ProjectService } from '../../projects/project.service.ts';
import { toTasks } from '../../tasks/task-view.ts';
import { Work, type Steps } from '../../work.ts';
import { ImportNotes } from './import-notes.ts';
import { criteriaOut, priorityOut, STATUS_OUT } from './taskmaster-fields.ts';

type OutTask = z.infer<ReturnType<typeof TaskMasterTaskSchema>>;
type OutSubtask = OutTask['subtasks'][number];

/** Tasks read per step. */
const CHUNK = 500;

/** Where a task lands in the file: its top-level task, and its local id under it. */
interface Place {
  top: number;
  local: number | null;
}

export class TaskMasterExport extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  async run(
    input: OperationArgs<'export_taskmaster'>,
    context: CallContext,
  ): Promise<OperationOutput<'export_taskmaster'>> {
    const project = this.projects.resolve(input.project_id, context);
    const records = this.store.read(() => this.store.tasks.allOfProject(project.id));
    const work = new Work(context, 'exporting tasks', records.length);
    const tasks = await work.run(this.readTasks(records));
    const notes = new ImportNotes();
    const out = layOut(tasks, notes);
    const document =
      input.layout === 'flat'
        ? { tasks: out }
        : {
            [input.tag]: {
              tasks: out,
              metadata: {
                created: project.created_at,
                updated: this.clock.now(),
                description:
                  project.description ||
                  `Tasks of project "${project.name}", exported from Orchestron`,
              },
            },
          };
    const warnings = notes.list();
    const where = input.layout === 'flat' ? 'the flat layout' : `tag "${input.tag}"`;
    return {
      document,
      task_count: tasks.length,
      warnings,
      message: `Exported ${tasks.length} task(s) of project "${project.name}" as Task Master's tasks.json (${where})${warnings.length ? `; ${warnings.length} warning(s)` : ''}.`,
    };
  }

  private *readTasks(records: ReturnType<typeof this.store.tasks.allOfProject>): Steps<Task[]> {
    const tasks: Task[] = [];
    for (let start = 0; start < records.length; start += CHUNK) {
      tasks.push(
        ...this.store.read(() => toTasks(this.store, records.slice(start, start + CHUNK))),
      );
      yield tasks.length;
    }
    return tasks;
  }
}

/** Top-level tasks in id order, each with every task below it as a subtask, in id order. */
function layOut(tasks: readonly Task[], notes: ImportNotes): OutTask[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const sorted = tasks.toSorted((a, b) => a.id - b.id);
  const places = new Map<number, Place>();
  const below = new Map<number, Task[]>();
  for (const task of sorted) {
    let top = task;
    while (top.parent_id !== null && byId.has(top.parent_id)) top = byId.get(top.parent_id)!;
    if (top === task) {
      places.set(task.id, { top: task.id, local: null });
      below.set(task.id, []);
    }
  }
  for (const task of sorted) {
    const place = places.get(task.id);
    if (place?.local === null) continue;
    let top = task;
    while (top.parent_id !== null && byId.has(top.parent_id)) top = byId.get(top.parent_id)!;
    if (task.parent_id !== top.id)
      notes.count('subtasks of subtasks (written under their top-level task)', `#${task.id}`);
    const siblings = below.get(top.id)!;
    siblings.push(task);
    places.set(task.id, { top: top.id, local: siblings.length });
  }
  const width = (top: number) => below.get(top)!.length;
  return sorted
    .filter((task) => places.get(task.id)!.local === null)
    .map((task) => ({
      id: task.id,
      ...fieldsOf(task, refsOf(task, places, width, notes), notes),
      subtasks: below.get(task.id)!.map((sub): OutSubtask => ({
        id: places.get(sub.id)!.local!,
        ...fieldsOf(sub, refsOf(sub, places, width, notes), notes),
      })),
    }));
}

/** A task's dependencies as Task Master writes them, seen from where the task lands. */
function refsOf(
  task: Task,
  places: ReadonlyMap<number, Place>,
  width: (top: number) => number,
  notes: ImportNotes,
) {
  const from = places.get(task.id)!;
  const refs: (number | string)[] = [];
  for (const id of task.dependencies) {
    const to = places.get(id);
    if (to === undefined) {
      notes.count('dependencies on tasks of other projects (left out)', `#${task.id} → #${id}`);
    } else if (to.local === null) {
      // in a subtask, a plain id names a sibling first: a task id that a sibling also has is lost
      if (from.local !== null && to.top <= width(from.top))
        notes.count(
          'subtask dependencies on a task whose id a sibling has (read back as the sibling)',
          `#${task.id} → #${id}`,
        );
      refs.push(to.top);
    } else if (from.local !== null && from.top === to.top) {
      refs.push(to.local);
    } else {
      refs.push(`${to.top}.${to.local}`);
    }
  }
  return refs;
}

/** The fields in the order Task Master writes them. */
function fieldsOf(task: Task, dependencies: (number | string)[], notes: ImportNotes) {
  const label = `#${task.id}`;
  if (task.status === 'failed' || task.status === 'needs_input')
    notes.count(`status ${task.status} (written as ${STATUS_OUT[task.status]})`, label);
  if (task.priority === 4) notes.count('priority urgent (written as critical)', label);
  if (task.acceptance_criteria.some((criterion) => criterion.done))
    notes.count('acceptance criteria checked off (written unchecked)', label);
  if (task.file_refs.length > 0) notes.count('file references (left out)', label);
  if (task.estimated_hours !== null) notes.count('estimated hours (left out)', label);
  const criteria = criteriaOut(task.acceptance_criteria);
  return {
    title: task.title,
    description: task.description,
    details: task.details,
    testStrategy: task.test_strategy,
    status: STATUS_OUT[task.status],
    dependencies,
    priority: priorityOut(task.priority),
    ...(criteria === undefined ? {} : { acceptanceCriteria: criteria }),
    ...(task.complexity_score === null ? {} : { complexity: task.complexity_score }),
    ...(task.tags.length === 0 ? {} : { tags: task.tags }),
    ...(task.assignee === null ? {} : { assignee: task.assignee }),
    createdAt: task.created_at,
    updatedAt: task.updated_at,
  };
}
