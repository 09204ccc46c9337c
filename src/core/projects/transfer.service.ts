// Export of a project as one JSON document and import of such a document as a new project,
// both in steps that report progress and stop cleanly when the call is aborted. Ids are kept
// when they are free in this database, so a round trip reproduces the document.
import { AppError, placeholder } from '../../shared/errors.ts';
import { topologicalWaves } from '../../shared/graph/topology.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import {
  PROJECT_DOCUMENT_FORMAT,
  PROJECT_DOCUMENT_VERSION,
  type DocumentTask,
  type ProjectDocument,
} from '../../shared/operations/transfer.ops.ts';
import { EXPORTED_FIELDS } from '../../shared/tasks/task-declaration.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { TaskWrite } from '../store/task-rows.ts';
import { toTasks } from '../tasks/task-view.ts';
import { Work, type Steps } from '../work.ts';
import { canonicalFolder } from './project-resolution.ts';
import type { ProjectService } from './project.service.ts';

/** Tasks read or written per step. */
const CHUNK = 500;

export class TransferService extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  async export(
    input: OperationArgs<'export_project'>,
    context: CallContext,
  ): Promise<OperationOutput<'export_project'>> {
    const project = this.projects.resolve(input.project_id, context);
    const records = this.store.read(() => this.store.tasks.allOfProject(project.id));
    const work = new Work(context, 'exporting tasks', records.length);
    const tasks = await work.run(this.documentTasks(records));
    const { name, description, root_path, requires_approval, created_at, updated_at } = project;
    return {
      document: {
        format: PROJECT_DOCUMENT_FORMAT,
        version: PROJECT_DOCUMENT_VERSION,
        project: { name, description, root_path, requires_approval, created_at, updated_at },
        tasks,
        commits: this.store.commits.ofProject(project.id),
        checkpoints: this.store.read(() =>
          records.flatMap((task) =>
            this.store.progress.checkpoints(task.id).map((step) => ({ task_id: task.id, ...step })),
          ),
        ),
      },
    };
  }

  private *documentTasks(
    records: ReturnType<typeof this.store.tasks.allOfProject>,
  ): Steps<DocumentTask[]> {
    const tasks: DocumentTask[] = [];
    for (let start = 0; start < records.length; start += CHUNK) {
      for (const task of toTasks(this.store, records.slice(start, start + CHUNK))) {
        const fields = task as Record<string, unknown>;
        tasks.push({
          id: task.id,
          ...Object.fromEntries(EXPORTED_FIELDS.map((name) => [name, fields[name]])),
        } as DocumentTask);
      }
      yield tasks.length;
    }
    return tasks;
  }

  import(
    input: OperationArgs<'import_project'>,
    context: CallContext,
  ): Promise<OperationOutput<'import_project'>> {
    const { document } = input;
    const order = checkDocument(document);
    const counters = this.rules.countersOf(document.tasks, order);
    const { store } = this;
    return store.writeAsync(async () => {
      const name = input.name ?? document.project.name;
      if (store.projects.findByName(name)) {
        throw new AppError('VALIDATION', `A project named "${name}" already exists.`, { name }, [
          {
            action: 'import under another name',
            operation: 'import_project',
            input: { name: placeholder('new name') },
          },
        ]);
      }
      const notes: string[] = [];
      const root = this.freeRoot(document.project.root_path, notes);
      const { requires_approval: gated, ...fields } = document.project;
      const projectId = store.projects.insert({ ...fields, name, root_path: root });
      if (gated)
        store.projects.update({ ...store.projects.get(projectId)!, requires_approval: true });
      const oldIds = document.tasks.map((task) => task.id);
      const renumbered = store.tasks.anyExists(oldIds);
      const base = store.tasks.nextId();
      const newId = new Map(oldIds.map((id, index) => [id, renumbered ? base + index : id]));
      const map = (id: number) => newId.get(id)!;
      store.deferForeignKeys();
      const work = new Work(context, 'importing tasks', document.tasks.length);
      await work.run(this.insertTasks(projectId, document, map, counters));
      const project = store.projects.get(projectId)!;
      this.emit.projectImported(context, projectId, {
        name,
        task_count: document.tasks.length,
        renumbered,
      });
      return {
        project,
        task_count: document.tasks.length,
        renumbered,
        id_map: renumbered ? oldIds.map((id): [number, number] => [id, map(id)]) : [],
        message: [
          `Imported ${document.tasks.length} task(s) into project "${name}" (id ${projectId})${renumbered ? ', with new task ids because the old ones are taken here' : ''}.`,
          ...notes,
        ].join(' '),
      };
    });
  }

  /** The document's folder when no project here is bound to it yet; else none, with a note. */
  private freeRoot(root: string | null, notes: string[]): string | null {
    if (root === null) return null;
    const folder = canonicalFolder(root);
    const taken = this.store.projects.findByRoot(folder);
    if (!taken) return folder;
    notes.push(
      `${folder} already belongs to project "${taken.name}", so the import is not bound to a folder.`,
    );
    return null;
  }

  private *insertTasks(
    projectId: number,
    document: ProjectDocument,
    map: (id: number) => number,
    counters: Map<number, { unmet: number; failed: number }>,
  ): Steps<void> {
    const { tasks, commits } = document;
    for (let start = 0; start < tasks.length; start += CHUNK) {
      for (const task of tasks.slice(start, start + CHUNK)) {
        const { id, tags, dependencies, file_refs, parent_id, ...fields } = task;
        const taskId = map(id);
        const record = {
          ...fields,
          project_id: projectId,
          parent_id: parent_id === null ? null : map(parent_id),
        } as TaskWrite;
        this.store.tasks.insertWithId(taskId, record, counters.get(id)!);
        this.store.details.addTags(taskId, tags);
        this.store.details.addFileRefs(taskId, file_refs);
        this.rules.importedEdges(taskId, dependencies.map(map), fields.created_at);
      }
      yield Math.min(start + CHUNK, tasks.length);
    }
    for (const commit of commits)
      this.store.commits.insert({ ...commit, task_id: map(commit.task_id) });
    const steps = Map.groupBy(document.checkpoints ?? [], (step) => step.task_id);
    for (const [taskId, list] of steps) {
      const ordered = list.toSorted((a, b) => a.position - b.position);
      this.store.progress.replaceCheckpoints(
        map(taskId),
        ordered.map(({ task_id: _task, ...step }) => step),
      );
    }
  }
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
  problems.push(...checkpointProblems(document, ids));
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
      { problems: problems.slice(0, 100) },
    );
  }
  return order;
}

/** Checkpoints of tasks the document has, each position and name once per task. */
function checkpointProblems(document: ProjectDocument, ids: ReadonlySet<number>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const step of document.checkpoints ?? []) {
    const { task_id: task, position, name } = step;
    if (!ids.has(task))
      problems.push(`checkpoint "${name}" belongs to task ${task}, which is not in the document`);
    const at = `${task}@${position}`;
    if (seen.has(at)) problems.push(`task ${task} has two checkpoints at position ${position}`);
    const named = `${task}:${name}`;
    if (seen.has(named)) problems.push(`task ${task} has two checkpoints named "${name}"`);
    seen.add(at).add(named);
  }
  return problems;
}
