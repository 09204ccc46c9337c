// Saved contexts (seed 003): what an agent needs to pick its work up again, kept small on
// purpose (at most 4 KB once compressed) so reading it back costs a resuming agent little.
// Keyed by owner (the caller's name) and task; the last few versions of each are kept.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AppError, placeholder } from '../../shared/errors.ts';
import {
  CONTEXT_LIMIT_BYTES,
  CONTEXT_RAW_LIMIT_BYTES,
} from '../../shared/operations/handoff.ops.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import type { ContextRow } from '../store/contexts.repo.ts';
import { requireTask } from '../tasks/task-errors.ts';
import { authorizeChange } from './authorization.ts';

/** Versions kept per owner and task: enough to step back from a bad save, no more. */
export const CONTEXT_VERSIONS = 5;

export type SavedContext = NonNullable<OperationOutput<'load_context'>['saved']>;

/** The stored form: the context as JSON, deflated (raw, so no header bytes count against 4 KB). */
export function compressContext(json: Buffer): Buffer {
  return deflateRawSync(json, { level: 9 });
}

export function toSavedContext(row: ContextRow): SavedContext {
  return {
    owner: row.owner,
    task_id: row.task_id,
    context: JSON.parse(inflateRawSync(row.data).toString('utf8')) as unknown,
    saved_by: row.saved_by,
    saved_at: row.saved_at,
    bytes: row.raw_bytes,
  };
}

/** Whose context a call saves and reads by default: the caller's own, by name. */
export function ownerOf(context: CallContext): string {
  return context.caller.name;
}

export class ContextService extends CoreService {
  save(
    input: OperationArgs<'save_context'>,
    context: CallContext,
  ): OperationOutput<'save_context'> {
    const taskId = input.task_id ?? null;
    const json = Buffer.from(JSON.stringify(input.context), 'utf8');
    const bytes = json.length;
    if (bytes > CONTEXT_RAW_LIMIT_BYTES) throw this.tooLarge(taskId, bytes, null);
    const data = compressContext(json);
    if (data.length > CONTEXT_LIMIT_BYTES) throw this.tooLarge(taskId, bytes, data.length);
    return this.store.write(() => {
      const task = taskId === null ? null : requireTask(this.store, taskId);
      const savedAt = this.clock.now();
      // checked again inside the write: another process may have claimed the task since the
      // call pipeline looked
      if (task) authorizeChange(this.store, task, context, savedAt);
      const owner = ownerOf(context);
      const row = {
        owner,
        task_id: taskId,
        data,
        raw_bytes: bytes,
        saved_by: context.actor,
        saved_at: savedAt,
      };
      this.store.contexts.save(row, CONTEXT_VERSIONS);
      this.emit.contextSaved(context, task, { owner, bytes, compressed_bytes: data.length });
      const where = task ? `task #${task.id}` : 'your general context';
      return {
        owner,
        task_id: taskId,
        saved_at: savedAt,
        bytes,
        compressed_bytes: data.length,
        limit_bytes: CONTEXT_LIMIT_BYTES,
        versions_kept: this.store.contexts.versions(owner, taskId),
        message: `Saved context for ${where} (${data.length} of ${CONTEXT_LIMIT_BYTES} bytes compressed).`,
      };
    });
  }

  load(
    input: OperationArgs<'load_context'>,
    context: CallContext,
  ): OperationOutput<'load_context'> {
    return this.store.read(() => {
      const taskId = input.task_id ?? null;
      if (taskId !== null) requireTask(this.store, taskId);
      const owner = input.agent ?? (taskId === null ? ownerOf(context) : null);
      if (taskId === null && owner !== ownerOf(context)) this.checkMayRead(owner!, context);
      const row =
        owner === null
          ? this.store.contexts.latestOnTask(taskId!)
          : this.store.contexts.latest(owner, taskId);
      const where = taskId === null ? 'outside any task' : `on task #${taskId}`;
      const whose = owner === null ? 'anyone' : owner;
      if (!row) return { saved: null, message: `No context saved by ${whose} ${where} yet.` };
      return {
        saved: toSavedContext(row),
        message: `Context saved by ${row.saved_by} at ${row.saved_at} ${where}.`,
      };
    });
  }

  /** An agent's general context is its own; a task's contexts are open to whoever works on it. */
  private checkMayRead(owner: string, context: CallContext): void {
    if (context.caller.kind !== 'agent') return;
    throw new AppError(
      'FORBIDDEN',
      `The general context of "${owner}" is that agent's own. Read the context it saved on a task by naming the task.`,
      { agent: owner },
      [
        {
          action: "read a task's context",
          operation: 'load_context',
          input: { task_id: placeholder('task id') },
        },
      ],
    );
  }

  /** `compressed` is null when the context was too large to be worth compressing. */
  private tooLarge(taskId: number | null, bytes: number, compressed: number | null): AppError {
    const size =
      compressed === null
        ? `${bytes} bytes before compression (at most ${CONTEXT_RAW_LIMIT_BYTES} are compressed)`
        : `${compressed} bytes compressed`;
    return new AppError(
      'LIMIT',
      `The context is ${size}; a saved context holds at most ${CONTEXT_LIMIT_BYTES} bytes compressed. Nothing was saved. Keep the essentials (current step, next steps, decisions, open questions) and store long material as an artifact, naming it in the context.`,
      { bytes, compressed_bytes: compressed, limit_bytes: CONTEXT_LIMIT_BYTES },
      [
        {
          action: 'park the long material as an artifact',
          operation: 'store_artifact',
          input: {
            task_id: taskId ?? placeholder('task id'),
            name: placeholder('notes.md'),
            content: placeholder('the long material'),
          },
        },
      ],
    );
  }
}
