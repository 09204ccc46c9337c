// Export of a project as one JSON document and import of such a document as a new project.
// Ids are kept when they are free in this database, so a round trip reproduces the document.
import { AppError } from '../../shared/errors.ts';
import { topologicalWaves } from '../../shared/graph/topology.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import {
  PROJECT_DOCUMENT_FORMAT,
  PROJECT_DOCUMENT_VERSION,
  type DocumentTask,
  type ProjectDocument,
} from '../../shared/operations/transfer.ops.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import { blocksDependents } from '../tasks/derived-state.ts';
import { toTasks } from '../tasks/task-view.ts';
import type { ProjectService } from './project.service.ts';

export class TransferService extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  export(input: OperationArgs<'export_project'>): OperationOutput<'export_project'> {
    const project = this.projects.resolve(input.project_id);
    const tasks = toTasks(this.store, this.store.tasks.allOfProject(project.id)).map(
      (task): DocumentTask => ({
        id: task.id,
        parent_id: task.parent_id,
        title: task.title,
        description: task.description,
        details: task.details,
        test_strategy: task.test_strategy,
        acceptance_criteria: task.acceptance_criteria,
        status: task.status,
        priority: task.priority,
        tags: task.tags,
        dependencies: task.dependencies,
        file_refs: task.file_refs,
        assignee: task.assignee,
        code_language: task.code_language,
        execution_environment: task.execution_environment,
        complexity_score: task.complexity_score,
        estimated_hours: task.estimated_hours,
        progress: task.progress,
        version: task.version,
        created_by: task.created_by,
        created_at: task.created_at,
        updated_at: task.updated_at,
        started_at: task.started_at,
        completed_at: task.completed_at,
        position: task.position,
      }),
    );
    const { name, description, root_path, created_at, updated_at } = project;
    return {
      document: {
        format: PROJECT_DOCUMENT_FORMAT,
        version: PROJECT_DOCUMENT_VERSION,
        project: { name, description, root_path, created_at, updated_at },
        tasks,
        commits: this.store.commits.ofProject(project.id),
      },
    };
  }

  import(
    input: OperationArgs<'import_project'>,
    context: CallContext,
  ): OperationOutput<'import_project'> {
    const { document } = input;
    const derived = derivedCounters(document, checkDocument(document));
    const { store } = this;
    return store.write(() => {
      const name = input.name ?? document.project.name;
      if (store.projects.findByName(name)) {
        throw new AppError(
          'VALIDATION',
          `A project named "${name}" already exists. Pass name (--name) to import under another name.`,
          {
            name,
          },
        );
      }
      const projectId = store.projects.insert({ ...document.project, name });
      const oldIds = document.tasks.map((task) => task.id);
      const renumbered = store.tasks.anyExists(oldIds);
      const base = store.tasks.nextId();
      const newId = new Map(oldIds.map((id, index) => [id, renumbered ? base + index : id]));
      const map = (id: number) => newId.get(id)!;
      store.deferForeignKeys();
      for (const task of document.tasks)
        this.insertTask(projectId, task, map, derived.get(task.id)!);
      for (const commit of document.commits)
        store.commits.insert({ ...commit, task_id: map(commit.task_id) });
      const project = store.projects.get(projectId)!;
      this.events.record(context, {
        type: 'project.imported',
        project_id: projectId,
        after: { name, task_count: document.tasks.length, renumbered },
      });
      return {
        project,
        task_count: document.tasks.length,
        renumbered,
        id_map: renumbered ? oldIds.map((id): [number, number] => [id, map(id)]) : [],
        message: `Imported ${document.tasks.length} task(s) into project "${name}" (id ${projectId})${renumbered ? ', with new task ids because the old ones are taken here' : ''}.`,
      };
    });
  }

  private insertTask(
    projectId: number,
    task: DocumentTask,
    map: (id: number) => number,
    derived: Counters,
  ): void {
    const { id, tags, dependencies, file_refs, parent_id, ...fields } = task;
    const taskId = map(id);
    const record = {
      ...fields,
      project_id: projectId,
      parent_id: parent_id === null ? null : map(parent_id),
    };
    this.store.tasks.insertWithId(taskId, record, derived);
    this.store.details.addTags(taskId, tags);
    this.store.details.addFileRefs(taskId, file_refs);
    for (const prerequisite of dependencies)
      this.store.dependencies.insert(taskId, map(prerequisite), fields.created_at);
  }
}

interface Counters {
  unmet: number;
  failed: number;
}

/** Every task's derived counters, computed in one pass over a topological order of the document. */
function derivedCounters(
  document: ProjectDocument,
  order: readonly number[],
): Map<number, Counters> {
  const byId = new Map(document.tasks.map((task) => [task.id, task]));
  const counters = new Map<number, Counters>();
  const blocks = (id: number) =>
    blocksDependents({
      status: byId.get(id)!.status,
      failed_prerequisites: counters.get(id)!.failed,
    });
  for (const id of order) {
    const prerequisites = byId.get(id)!.dependencies;
    counters.set(id, {
      unmet: prerequisites.filter((p) => byId.get(p)!.status !== 'completed').length,
      failed: prerequisites.filter(blocks).length,
    });
  }
  return counters;
}

/**
 * Checks what the schema cannot (unique ids, references inside the document, no cycles through
 * dependencies and subtask links) and returns the task ids in an order where every task comes
 * after everything it waits for.
 */
function checkDocument(document: ProjectDocument): number[] {
  const ids = new Set<number>();
  const problems: string[] = [];
  for (const task of document.tasks) {
    if (ids.has(task.id)) problems.push(`task id ${task.id} appears twice`);
    ids.add(task.id);
  }
  for (const task of document.tasks) {
    if (task.parent_id !== null && !ids.has(task.parent_id))
      problems.push(`task ${task.id} has parent ${task.parent_id}, which is not in the document`);
    for (const dependency of task.dependencies) {
      if (!ids.has(dependency))
        problems.push(`task ${task.id} depends on ${dependency}, which is not in the document`);
      if (dependency === task.id) problems.push(`task ${task.id} depends on itself`);
    }
  }
  for (const commit of document.commits) {
    if (!ids.has(commit.task_id))
      problems.push(`a commit is linked to task ${commit.task_id}, which is not in the document`);
  }
  let order: number[] = [];
  if (problems.length === 0) {
    const edges = document.tasks.flatMap((task) => [
      ...task.dependencies.map((depends_on) => ({ task_id: task.id, depends_on })),
      ...(task.parent_id === null ? [] : [{ task_id: task.parent_id, depends_on: task.id }]),
    ]);
    try {
      order = topologicalWaves(document.tasks, edges).flat();
    } catch {
      problems.push('its dependencies (with subtask links) contain a cycle');
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `The document cannot be imported: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}. Fix the document (or export it again) and retry.`,
      { problems },
    );
  }
  return order;
}
