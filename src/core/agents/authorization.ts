// What an agent may do to a task: not change one another holder has leased while the lease is
// live, nor one a person paused, nor (after its own lease expired) one it no longer holds; and
// delete only tasks it created. A person (any caller that is not an agent) may always act: it
// is their tracker.
import { AppError, type FixHint } from '../../shared/errors.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import { callerOf, type CallContext } from '../call-context.ts';
import type { Store } from '../store/store.ts';

/** What authorization reads of a task. */
export interface GuardedTask {
  id: number;
  title: string;
  status: TaskStatus;
  lease_holder: string | null;
  lease_expires_at: string | null;
  paused_at: string | null;
  paused_by: string | null;
  paused_reason: string | null;
  created_by: string;
}

/** "14:05 UTC", with the date when it is not today's: how messages name a moment. */
export function atUtc(iso: string, now: string): string {
  const time = `${iso.slice(11, 16)} UTC`;
  return iso.slice(0, 10) === now.slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
}

/** Statuses in which a lease holds; a lease left on a task in any other is over. */
export const HELD: readonly TaskStatus[] = ['in_progress', 'needs_input', 'review'];

/**
 * Held by someone on a task still being worked on, and not past its expiry (a person's claim
 * never expires; waiting on the person, in needs_input or review, a lease does not run out).
 */
export function isLive(
  task: Pick<GuardedTask, 'status' | 'lease_holder' | 'lease_expires_at'>,
  now: string,
): boolean {
  if (task.lease_holder === null || !HELD.includes(task.status)) return false;
  return (
    task.status !== 'in_progress' || task.lease_expires_at === null || task.lease_expires_at > now
  );
}

const pickAnother: FixHint = {
  action: 'pick another task',
  operation: 'claim_next_task',
  input: {},
};

export function pausedError(task: GuardedTask): AppError {
  return new AppError(
    'FORBIDDEN',
    `#${task.id} "${task.title}" is paused by ${task.paused_by ?? 'a person'}: ${task.paused_reason ?? 'no reason given'}; pick another task.`,
    { task_id: task.id, paused_by: task.paused_by, paused_reason: task.paused_reason },
    [pickAnother],
  );
}

export function leasedError(task: GuardedTask, now: string): AppError {
  const until = task.lease_expires_at
    ? `until ${atUtc(task.lease_expires_at, now)}; claim another task, or wait until the lease expires.`
    : "until they release it (a person's claim does not expire); claim another task.";
  return new AppError(
    'FORBIDDEN',
    `#${task.id} "${task.title}" is leased by ${task.lease_holder} ${until}`,
    { task_id: task.id, lease_holder: task.lease_holder, lease_expires_at: task.lease_expires_at },
    [pickAnother],
  );
}

/**
 * Refuses an agent's change to `task` when a person paused it, another holder's lease is live,
 * or the agent's own lease on it expired and it has not claimed it again since.
 */
export function authorizeChange(
  store: Store,
  task: GuardedTask,
  context: CallContext,
  now: string,
): void {
  const { caller } = context;
  if (caller.kind !== 'agent') return;
  if (task.paused_at !== null) throw pausedError(task);
  if (task.lease_holder === caller.name) return;
  if (isLive(task, now)) throw leasedError(task, now);
  const last = store.leases.lastEvent(task.id);
  if (last?.type !== 'task.lease_expired') return;
  const lease = JSON.parse(last.before ?? '{}') as { holder?: string; expires_at?: string };
  if (lease.holder !== caller.name || !lease.expires_at) return;
  throw new AppError(
    'FORBIDDEN',
    `Your lease on #${task.id} "${task.title}" expired at ${atUtc(lease.expires_at, now)} without activity from you, and the task went back to the ready set; claim it again before changing it.`,
    { task_id: task.id, lease_expired_at: lease.expires_at },
    [{ action: 'claim it again', operation: 'claim_task', input: { task_id: task.id } }],
  );
}

/** Refuses an agent's deletion of tasks it did not create, or may not change. */
export function authorizeDelete(
  store: Store,
  tasks: readonly GuardedTask[],
  context: CallContext,
  now: string,
): void {
  const { caller } = context;
  if (caller.kind !== 'agent') return;
  for (const task of tasks) {
    const creator = callerOf(task.created_by);
    if (creator.kind !== 'agent' || creator.name !== caller.name) {
      throw new AppError(
        'FORBIDDEN',
        `#${task.id} "${task.title}" was created by ${task.created_by}; an agent may delete only tasks it created. Ask the person to delete it, or cancel your own work on it instead.`,
        { task_id: task.id, created_by: task.created_by },
      );
    }
    authorizeChange(store, task, context, now);
  }
}

/** Refuses an agent: pausing and resuming are the person's. */
export function requirePerson(context: CallContext, what: string): void {
  if (context.caller.kind !== 'agent') return;
  throw new AppError(
    'FORBIDDEN',
    `Only a person can ${what}; an agent cannot. Ask the person, or pick another task.`,
    { caller: context.caller.name },
    [pickAnother],
  );
}
