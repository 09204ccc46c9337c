// Deleting tasks. A task others depend on is deleted only on an explicit choice: cascade (its
// dependents go too) or relink (they inherit its own prerequisites).
import { AppError } from '../../shared/errors.ts';
import type { TaskRef } from '../../shared/tasks/task.schema.ts';
import { removeArtifactFolders } from '../agents/artifact-files.ts';
import { authorizeDelete } from '../agents/authorization.ts';
import { CoreService } from '../core-service.ts';
import { Work, type Steps } from '../work.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { requireTask } from './task-errors.ts';
import { toTasks } from './task-view.ts';

/** Tasks read and deleted per step, so a large cascade yields between chunks. */
const CHUNK = 500;

export class TaskRemovalService extends CoreService {
  async delete(
    input: OperationArgs<'delete_task'>,
    context: CallContext,
  ): Promise<OperationOutput<'delete_task'>> {
    const { store } = this;
    const result = await store.writeAsync(async () => {
      const root = requireTask(store, input.task_id);
      const doomed = this.withSubtasks([root.id]);
      let outside = this.dependentsOutside(doomed);
      if (outside.length > 0 && input.on_dependents === 'refuse') {
        const refs = store.tasks.refs(outside);
        throw new AppError(
          'VALIDATION',
          `Task ${root.id} has dependents: ${refs.map((r) => `#${r.id} "${r.title}"`).join(', ')}.`,
          { task_id: root.id, dependents: refs },
          [
            {
              action: 'delete them too',
              operation: 'delete_task',
              input: { on_dependents: 'cascade' },
            },
            {
              action: `make them depend on task ${root.id}'s own prerequisites`,
              operation: 'delete_task',
              input: { on_dependents: 'relink' },
            },
          ],
        );
      }
      if (input.on_dependents === 'cascade') {
        while (outside.length > 0) {
          for (const id of this.withSubtasks(outside)) doomed.add(id);
          outside = this.dependentsOutside(doomed);
        }
      }
      if (context.caller.kind === 'agent') {
        authorizeDelete(store, store.tasks.getMany([...doomed]), context, this.clock.now());
      }
      const relinked =
        input.on_dependents === 'relink' ? this.relink(root.id, doomed, outside, context) : [];
      const work = new Work(context, 'deleting tasks', doomed.size);
      const removed = await work.run(this.remove([...doomed], context));
      await work.run(this.rules.tasksDeleted(outside, context));
      return {
        message: `Deleted ${removed.length} task(s)${relinked.length ? `; relinked ${relinked.length} dependenc(ies)` : ''}.`,
        deleted: removed,
        relinked,
      };
    });
    // artifact files go once the deletion is committed; within a caller's larger transaction
    // (which may still roll back) they stay until a later deletion sweeps them
    if (!store.inTransaction) removeArtifactFolders(store);
    return result;
  }

  /** Records every task's deletion, then deletes them, a chunk at a time, yielding progress. */
  private *remove(ids: number[], context: CallContext): Steps<TaskRef[]> {
    const removed: TaskRef[] = [];
    ids.sort((a, b) => a - b);
    for (let start = 0; start < ids.length; start += CHUNK) {
      const tasks = toTasks(this.store, this.store.tasks.getMany(ids.slice(start, start + CHUNK)));
      this.emit.batch(() => tasks.forEach((task) => this.emit.taskDeleted(context, task)));
      removed.push(...tasks.map(({ id, title, status }) => ({ id, title, status })));
      yield removed.length / 2;
    }
    // a parent's deletion takes its subtasks along, so every event is written first
    for (let start = 0; start < ids.length; start += CHUNK) {
      for (const id of ids.slice(start, start + CHUNK)) this.store.tasks.delete(id);
      yield (removed.length + Math.min(start + CHUNK, ids.length)) / 2;
    }
    return removed;
  }

  /** The ids and all their subtasks, recursively. */
  private withSubtasks(ids: Iterable<number>): Set<number> {
    const all = new Set<number>();
    for (const id of ids) {
      all.add(id);
      for (const below of this.store.tasks.descendantIds(id)) all.add(below);
    }
    return all;
  }

  private dependentsOutside(doomed: Set<number>): number[] {
    const outside = new Set<number>();
    for (const id of doomed) {
      for (const dependent of this.store.dependencies.dependentsOf(id))
        if (!doomed.has(dependent)) outside.add(dependent);
    }
    return [...outside].sort((a, b) => a - b);
  }

  /** Dependents of deleted tasks take over the deleted tasks' surviving prerequisites. */
  private relink(rootId: number, doomed: Set<number>, outside: number[], context: CallContext) {
    const relinked: { task_id: number; depends_on: number }[] = [];
    for (const dependent of outside) {
      const deletedPrerequisites = this.store.dependencies
        .prerequisitesOf(dependent)
        .filter((id) => doomed.has(id));
      const inherited = new Set(
        deletedPrerequisites.flatMap((id) => this.inheritedPrerequisites(id, doomed)),
      );
      for (const prerequisite of inherited) {
        // dependent -> deleted -> prerequisite already held, so the shortcut cannot close a cycle
        const task = this.store.tasks.get(dependent)!;
        const reason = `relinked when task ${rootId} was deleted`;
        if (this.rules.relinkEdge(task, prerequisite, context, reason))
          relinked.push({ task_id: dependent, depends_on: prerequisite });
      }
    }
    return relinked;
  }

  /** Prerequisites of a deleted task that survive, looking through deleted ones transitively. */
  private inheritedPrerequisites(id: number, doomed: Set<number>): number[] {
    const found: number[] = [];
    const seen = new Set([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const prerequisite of this.store.dependencies.prerequisitesOf(stack.pop()!)) {
        if (seen.has(prerequisite)) continue;
        seen.add(prerequisite);
        if (doomed.has(prerequisite)) stack.push(prerequisite);
        else found.push(prerequisite);
      }
    }
    return found;
  }
}
