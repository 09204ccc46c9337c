// Deleting tasks. A task others depend on is deleted only on an explicit choice: cascade (its
// dependents go too) or relink (they inherit its own prerequisites).
import { CoreService } from '../core-service.ts';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { requireTask } from './task-errors.ts';
import { toTasks } from './task-view.ts';

export class TaskRemovalService extends CoreService {
  delete(
    input: OperationArgs<'delete_task'>,
    context: CallContext,
  ): OperationOutput<'delete_task'> {
    const { store } = this;
    return store.write(() => {
      const root = requireTask(store, input.task_id);
      const doomed = this.withSubtasks([root.id]);
      let outside = this.dependentsOutside(doomed);
      if (outside.length > 0 && input.on_dependents === 'refuse') {
        const refs = store.tasks.refs(outside);
        throw new AppError(
          'VALIDATION',
          `Task ${root.id} has dependents: ${refs.map((r) => `#${r.id} "${r.title}"`).join(', ')}. Pass on_dependents: "cascade" to delete them too, or "relink" to make them depend on task ${root.id}'s own prerequisites.`,
          { task_id: root.id, dependents: refs },
        );
      }
      if (input.on_dependents === 'cascade') {
        while (outside.length > 0) {
          for (const id of this.withSubtasks(outside)) doomed.add(id);
          outside = this.dependentsOutside(doomed);
        }
      }
      const relinked = input.on_dependents === 'relink' ? this.relink(doomed, outside) : [];
      for (const edge of relinked) {
        const dependent = store.tasks.get(edge.task_id)!;
        store.tasks.update(dependent.id, {
          ...dependent,
          version: dependent.version + 1,
          updated_at: this.clock.now(),
        });
        this.events.record(context, {
          type: 'dependency.added',
          project_id: dependent.project_id,
          task_id: dependent.id,
          after: { ...edge, reason: `relinked when task ${root.id} was deleted` },
        });
      }
      const removed = toTasks(store, store.tasks.getMany([...doomed]));
      for (const task of removed) {
        this.events.record(context, {
          type: 'task.deleted',
          project_id: task.project_id,
          task_id: task.id,
          before: task,
        });
      }
      for (const task of removed) store.tasks.delete(task.id);
      this.derived.refresh(outside, context);
      return {
        message: `Deleted ${removed.length} task(s)${relinked.length ? `; relinked ${relinked.length} dependenc(ies)` : ''}.`,
        deleted: removed.map(({ id, title, status }) => ({ id, title, status })),
        relinked,
      };
    });
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
  private relink(doomed: Set<number>, outside: number[]) {
    const relinked: { task_id: number; depends_on: number }[] = [];
    const now = this.clock.now();
    for (const dependent of outside) {
      const deletedPrerequisites = this.store.dependencies
        .prerequisitesOf(dependent)
        .filter((id) => doomed.has(id));
      const inherited = new Set(
        deletedPrerequisites.flatMap((id) => this.inheritedPrerequisites(id, doomed)),
      );
      for (const prerequisite of inherited) {
        // dependent -> deleted -> prerequisite already held, so the shortcut cannot close a cycle
        if (this.store.dependencies.insert(dependent, prerequisite, now)) {
          relinked.push({ task_id: dependent, depends_on: prerequisite });
        }
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
