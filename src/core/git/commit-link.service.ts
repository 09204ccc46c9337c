// Links git commits to tasks; linking the same commit twice is a no-op.
import { CoreService } from '../core-service.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { requireTask } from '../tasks/task-errors.ts';

export class CommitLinkService extends CoreService {
  link(
    input: OperationArgs<'link_git_commit'>,
    context: CallContext,
  ): OperationOutput<'link_git_commit'> {
    const { store } = this;
    return store.write(() => {
      const task = requireTask(store, input.task_id);
      const commit = {
        task_id: task.id,
        hash: input.commit_hash,
        message: input.commit_message,
        author: input.author,
        linked_at: this.clock.now(),
        linked_by: context.actor,
      };
      if (!store.commits.insert(commit)) {
        return {
          commit: store.commits.get(task.id, input.commit_hash)!,
          message: `Commit ${input.commit_hash.slice(0, 12)} was already linked to task ${task.id}; nothing changed.`,
        };
      }
      const { task_id: _task, ...linked } = commit;
      this.emit.commitLinked(context, task, linked);
      return {
        commit: linked,
        message: `Linked commit ${input.commit_hash.slice(0, 12)} to task ${task.id}.`,
      };
    });
  }
}
