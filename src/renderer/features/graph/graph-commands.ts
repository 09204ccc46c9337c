// Doing, undoing and redoing graph edits through the API, so the database changes with them.
// Recreating deleted tasks cannot bring everything back: the notice each step returns says
// what was not restored (new ids, history, commits, artifacts, leases, questions).
import type { OrchestronClient } from '../../../shared/client.ts';
import { CREATE_FIELDS } from '../../../shared/tasks/task-declaration.ts';
import type { OperationInput } from '../../../shared/operations/registry.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import type { Edge, GraphEdit, Position } from './graph-edits.ts';
import { parentsFirst } from './graph-edits.ts';
import { currentId, withRenamed } from './undo-stack.ts';

export interface StepResult {
  renamed: ReadonlyMap<number, number>;
  /** Said to the person when the step could not be exact. */
  notice: string | null;
}

type Client = Pick<OrchestronClient, 'call'>;

function mapEdge(renamed: ReadonlyMap<number, number>, edge: Edge): Edge {
  return {
    task_id: currentId(renamed, edge.task_id),
    depends_on: currentId(renamed, edge.depends_on),
  };
}

function mapPositions(renamed: ReadonlyMap<number, number>, positions: Position[]): Position[] {
  return positions.map((p) => ({ ...p, task_id: currentId(renamed, p.task_id) }));
}

/** create_task's input that gives a new task the copied fields of `task`. */
function recreateInput(
  task: Task,
  projectId: number,
  parentId: number | null,
): OperationInput<'create_task'> {
  const copied: Record<string, unknown> = {};
  for (const field of CREATE_FIELDS) {
    if (field === 'dependencies') continue;
    const value = (task as Record<string, unknown>)[field];
    if (value !== undefined) copied[field] = value;
  }
  const input = { ...copied, project_id: projectId } as OperationInput<'create_task'>;
  return parentId === null ? input : { ...input, parent_id: parentId };
}

/** Recreates deleted tasks, their edges, and undoes a relink; returns the new ids. */
async function recreate(
  client: Client,
  edit: GraphEdit & { kind: 'delete' },
  projectId: number,
  renamed: ReadonlyMap<number, number>,
): Promise<StepResult> {
  let ids = renamed;
  const made: string[] = [];
  const unrestored: string[] = [];
  for (const task of parentsFirst(edit.tasks)) {
    const parent = task.parent_id === null ? null : currentId(ids, task.parent_id);
    const { task: created } = await client.call(
      'create_task',
      recreateInput(task, projectId, parent),
    );
    ids = withRenamed(ids, currentId(ids, task.id), created.id);
    made.push(`#${task.id} as #${created.id}`);
  }
  const edges = [
    ...edit.tasks.flatMap((task) =>
      task.dependencies.map((on) => ({ task_id: task.id, depends_on: on })),
    ),
    ...edit.cut,
  ];
  for (const edge of edges) {
    try {
      await client.call('add_dependency', mapEdge(ids, edge));
    } catch {
      unrestored.push(`#${edge.task_id} on #${edge.depends_on}`);
    }
  }
  for (const edge of edit.relinked) await client.call('remove_dependency', mapEdge(ids, edge));
  const statuses: string[] = [];
  for (const task of edit.tasks) {
    if (task.status === 'pending') continue;
    try {
      const task_id = currentId(ids, task.id);
      await client.call('update_task_status', { task_id, status: task.status });
    } catch {
      statuses.push(`#${currentId(ids, task.id)} stays pending (was ${task.status})`);
    }
  }
  const lost = [
    ...(unrestored.length > 0 ? [`dependencies not restored: ${unrestored.join(', ')}`] : []),
    ...statuses,
  ];
  return {
    renamed: ids,
    notice:
      `Recreated ${made.join(', ')}. New ids; their event history, commits, artifacts, leases and questions are not restored.` +
      (lost.length > 0 ? ` ${lost.join('; ')}.` : ''),
  };
}

/** Takes an edit back. */
export async function undoEdit(
  client: Client,
  edit: GraphEdit,
  projectId: number,
  renamed: ReadonlyMap<number, number>,
): Promise<StepResult> {
  const id = (recorded: number) => currentId(renamed, recorded);
  switch (edit.kind) {
    case 'create':
      await client.call('delete_task', { task_id: id(edit.taskId), on_dependents: 'refuse' });
      return { renamed, notice: null };
    case 'connect':
      await client.call('remove_dependency', mapEdge(renamed, edit.edge));
      return { renamed, notice: null };
    case 'disconnect':
      for (const edge of edit.edges) await client.call('add_dependency', mapEdge(renamed, edge));
      return { renamed, notice: null };
    case 'move':
      await client.call('set_task_positions', {
        project_id: projectId,
        positions: mapPositions(renamed, edit.before),
      });
      return { renamed, notice: null };
    case 'delete':
      return recreate(client, edit, projectId, renamed);
  }
}

/** Does an undone edit again. */
export async function redoEdit(
  client: Client,
  edit: GraphEdit,
  projectId: number,
  renamed: ReadonlyMap<number, number>,
): Promise<StepResult> {
  switch (edit.kind) {
    case 'create': {
      const { task } = await client.call('create_task', {
        project_id: projectId,
        title: edit.title,
        ...(edit.position ? { position: edit.position } : {}),
      });
      return {
        renamed: withRenamed(renamed, currentId(renamed, edit.taskId), task.id),
        notice: `Created "${edit.title}" again as #${task.id}.`,
      };
    }
    case 'connect':
      await client.call('add_dependency', mapEdge(renamed, edit.edge));
      return { renamed, notice: null };
    case 'disconnect':
      for (const edge of edit.edges) await client.call('remove_dependency', mapEdge(renamed, edge));
      return { renamed, notice: null };
    case 'move':
      await client.call('set_task_positions', {
        project_id: projectId,
        positions: mapPositions(renamed, edit.after),
      });
      return { renamed, notice: null };
    case 'delete':
      for (const root of edit.roots) {
        await client.call('delete_task', {
          task_id: currentId(renamed, root),
          on_dependents: edit.mode,
        });
      }
      return { renamed, notice: null };
  }
}
