// import_taskmaster: the file read and planned first (a broken file or a cycle fails before any
// write), then every task, tag and dependency created in one transaction, in steps that report
// progress. New ids follow the file's order, so the id map is also "#first + position".
import { AppError } from '../../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../../shared/operations/registry.ts';
import { ID_MAP_LIMIT } from '../../../shared/operations/taskmaster.ops.ts';
import { COLUMN_FIELDS, initialValue } from '../../../shared/tasks/task-declaration.ts';
import type { CallContext } from '../../call-context.ts';
import { CoreService, type CoreServices } from '../../core-service.ts';
import type { ProjectService } from '../../projects/project.service.ts';
import type { TaskWrite } from '../../store/task-rows.ts';
import { Work, type Steps } from '../../work.ts';
import { planImport, type ImportPlan, type PlannedTask } from './import-plan.ts';
import { readTaskMasterFile, type TaskMasterFile } from './taskmaster-file.ts';

/** Tasks written per step between progress reports. */
const CHUNK = 500;

type Counters = Map<number, { unmet: number; failed: number }>;

export class TaskMasterImport extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  run(
    input: OperationArgs<'import_taskmaster'>,
    context: CallContext,
  ): Promise<OperationOutput<'import_taskmaster'>> {
    const file = onlyTag(readTaskMasterFile(input.content), input.tag);
    const plan = planImport(file, {
      now: this.clock.now(),
      breakCycles: input.break_cycles,
    });
    const nodes = plan.tasks.map((task, at) => ({
      id: at,
      status: task.status,
      dependencies: task.dependencies,
    }));
    const counters = this.rules.countersOf(nodes, plan.order);
    const { store } = this;
    return store.writeAsync(async () => {
      const project = this.projects.resolve(input.project_id, context);
      const base = store.tasks.nextId();
      store.deferForeignKeys();
      const work = new Work(context, 'importing Task Master tasks', plan.tasks.length);
      const links = await work.run(this.insert(plan, project.id, base, counters, context.actor));
      this.emit.projectImported(context, project.id, {
        name: project.name,
        task_count: plan.tasks.length,
        renumbered: true,
      });
      return {
        project: store.projects.get(project.id)!,
        tags: plan.tags.map((tag) => ({
          tag: tag.name ?? '',
          tasks: tag.tasks,
          subtasks: tag.subtasks,
          first_id: base + tag.first,
        })),
        task_count: plan.tasks.length,
        dependency_count: links,
        id_map: plan.tasks
          .slice(0, ID_MAP_LIMIT)
          .map((task, at): [string, number] => [task.label, base + at]),
        warnings: plan.warnings,
        message: summary(plan, project.name, base),
      };
    });
  }

  private *insert(
    plan: ImportPlan,
    projectId: number,
    base: number,
    counters: Counters,
    actor: string,
  ): Steps<number> {
    let links = 0;
    const initial = initialColumns();
    for (let start = 0; start < plan.tasks.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, plan.tasks.length);
      for (let at = start; at < end; at++) {
        const task = plan.tasks[at]!;
        const id = base + at;
        this.store.tasks.insertWithId(
          id,
          record(initial, task, projectId, base, actor),
          counters.get(at)!,
        );
        this.store.details.addTags(id, task.tags);
        const prerequisites = task.dependencies.map((target) => base + target);
        this.rules.importedEdges(id, prerequisites, task.created_at);
        links += prerequisites.length;
      }
      yield end;
    }
    return links;
  }
}

/** The file with only the tag asked for, or all of it. */
function onlyTag(file: TaskMasterFile, tag: string | undefined): TaskMasterFile {
  if (tag === undefined) return file;
  if (file.layout === 'flat') {
    throw new AppError(
      'VALIDATION',
      `The file has the flat layout ({"tasks": [...]}), without tags, so there is no tag "${tag}". Leave tag out to import it.`,
      { tag },
    );
  }
  const chosen = file.tags.filter((entry) => entry.name === tag);
  if (chosen.length === 0) {
    const names = file.tags.map((entry) => entry.name ?? '');
    throw new AppError(
      'NOT_FOUND',
      `The file has no tag "${tag}". Its tags: ${names.join(', ')}. Nothing was imported.`,
      { tag, tags: names },
      [
        {
          action: 'import one of its tags',
          operation: 'import_taskmaster',
          input: { tag: names[0] },
        },
      ],
    );
  }
  return { ...file, tags: chosen };
}

/** Each column's declared initial value, built once per import rather than once per task. */
function initialColumns(): TaskWrite {
  const columns: Record<string, unknown> = {};
  for (const name of COLUMN_FIELDS) if (name !== 'id') columns[name] = initialValue(name) ?? null;
  return columns as TaskWrite;
}

/** A task's columns: the planned fields over each column's initial value. */
function record(
  initial: TaskWrite,
  task: PlannedTask,
  projectId: number,
  base: number,
  actor: string,
): TaskWrite {
  const { label: _label, parent, dependencies: _dependencies, tags: _tags, ...fields } = task;
  return {
    ...initial,
    ...fields,
    project_id: projectId,
    parent_id: parent === null ? null : base + parent,
    progress: task.status === 'completed' ? 100 : 0,
    version: 1,
    created_by: actor,
  };
}

function summary(plan: ImportPlan, projectName: string, base: number): string {
  const subtasks = plan.tags.reduce((sum, tag) => sum + tag.subtasks, 0);
  const named = plan.tags.filter((tag) => tag.name !== null).map((tag) => tag.name);
  const from =
    named.length === 0 ? '' : ` from tag${named.length > 1 ? 's' : ''} ${named.join(', ')}`;
  const ids =
    plan.tasks.length === 0 ? '' : ` as #${base}–#${base + plan.tasks.length - 1} in file order`;
  const tagged = named.length > 1 ? ' Each task carries its Task Master tag as a tag.' : '';
  const warned =
    plan.warnings.length === 0 ? '' : ` ${plan.warnings.length} warning(s): see warnings.`;
  return `Imported ${plan.tasks.length} task(s) (${plan.tasks.length - subtasks} top-level, ${subtasks} subtask(s))${from} into project "${projectName}"${ids}.${tagged}${warned}`;
}
