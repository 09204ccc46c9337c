// How leases run and end: renewed by the holder's activity on the task, expired when the holder
// goes silent (the task back in the ready set, the person and the agent told), and ended when
// the task leaves work. A lease runs only while its task is in progress: waiting on the person
// (needs_input, review) is not going silent, so coming back from there restarts it.
import { notify } from '../events/notify.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import { atUtc, HELD } from '../agents/authorization.ts';
import { makeContext, type CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { LeaseRow } from '../store/leases.repo.ts';
import type { Store } from '../store/store.ts';
import type { TaskRecord } from '../store/task-rows.ts';

export const DEFAULT_LEASE_MINUTES = 15;
/** The preference that holds the default lease length in minutes. */
export const LEASE_MINUTES_PREFERENCE = 'lease_minutes';
/** A renewal that would extend a lease by less than this is skipped: it saves a write per call. */
const RENEW_SLACK_MS = 30_000;

/** Expiries are the system's doing, not the doing of whichever call noticed them. */
const EXPIRY = makeContext({ caller: { kind: 'system', name: 'lease-expiry' } });

export function leaseUntil(now: string, minutes: number): string {
  return new Date(Date.parse(now) + minutes * 60_000).toISOString();
}

export function defaultLeaseMinutes(store: Store): number {
  const value = store.preferences.get(LEASE_MINUTES_PREFERENCE);
  return typeof value === 'number' ? value : DEFAULT_LEASE_MINUTES;
}

/** Runs a graph-rules step generator to its end (status moves of one task step once or twice). */
export function runSteps<T>(steps: Generator<number, T, void>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/**
 * Renews the holder's lease on a task after its activity on it: one small write, only when the
 * caller holds an expiring lease there and the renewal extends it noticeably. False otherwise.
 */
export function renewLease(store: Store, taskId: number, holder: string, now: string): boolean {
  const lease = store.read(() => store.leases.get(taskId));
  if (!lease || lease.lease_holder !== holder || lease.lease_minutes === null) return false;
  if (lease.lease_expires_at === null) return false;
  const until = leaseUntil(now, lease.lease_minutes);
  if (Date.parse(until) - Date.parse(lease.lease_expires_at) < RENEW_SLACK_MS) return false;
  return store.write(() => store.leases.renew(taskId, holder, until));
}

export class LeaseLifecycle extends CoreService {
  /**
   * Expires every lease past its time, in one write: the task goes back to the ready set (its
   * progress kept), the event says who went silent and when they were last seen, and the person
   * and the agent are notified. Idempotent across processes: a lease another process already
   * expired is skipped, so each expiry is recorded once.
   */
  expireDue(): number {
    return this.store.write(() => {
      const now = this.clock.now();
      let expired = 0;
      for (const lease of this.store.leases.due(now)) {
        if (lease.status !== 'in_progress') {
          this.endStale(lease);
        } else if (this.store.leases.expire(lease.id, now)) {
          this.expireOne(lease, now);
          expired++;
        }
      }
      return expired;
    });
  }

  /** A lease left on a task no longer worked on (a move elsewhere did not end it) just ends. */
  private endStale(lease: LeaseRow): void {
    this.store.leases.clear(lease.id);
    this.emit.taskReleased(EXPIRY, lease, leaseFacts(lease), {
      reason: `the task is ${lease.status}`,
      status: lease.status,
      assignee: lease.assignee,
    });
  }

  private expireOne(lease: LeaseRow, now: string): void {
    const after = this.backToReady(lease.id, lease.lease_holder, EXPIRY);
    const task = { id: lease.id, project_id: lease.project_id, title: lease.title };
    const expiredAt = lease.lease_expires_at!;
    this.emit.leaseExpired(EXPIRY, task, leaseFacts(lease), {
      expired_at: expiredAt,
      last_activity: this.lastActivity(lease),
      status: after.status,
      assignee: after.assignee,
    });
    const ref = `#${task.id} "${task.title}"`;
    const when = atUtc(expiredAt, now);
    this.notify(
      EXPIRY,
      task,
      null,
      'agent_silent',
      `agent ${lease.lease_holder} went silent on ${ref} (lease expired ${when})`,
    );
    this.notify(
      EXPIRY,
      task,
      lease.lease_holder,
      'lease_expired',
      `Your lease on ${ref} expired at ${when} without activity from you; the task went back to the ready set. Claim it again to continue.`,
    );
  }

  /**
   * An in-progress task the holder gives up goes back to pending, unassigned from the holder.
   * Call it once the lease is cleared: it reads the task afresh, since a status move writes every
   * column of the record it is given.
   */
  backToReady(id: number, holder: string, context: CallContext): TaskRecord {
    const task = this.store.tasks.get(id)!;
    if (task.status !== 'in_progress') return task;
    const unassigned = task.assignee === holder ? { ...task, assignee: null } : task;
    return runSteps(this.rules.moveStatus(unassigned, 'pending', context)).task;
  }

  notify(
    context: CallContext,
    task: Pick<TaskRecord, 'id' | 'project_id'>,
    recipient: string | null,
    kind: string,
    message: string,
  ): void {
    notify({ store: this.store, emit: this.emit, clock: this.clock }, context, {
      task,
      recipient,
      kind,
      message,
    });
  }

  /** When the holder was last seen: its session's last call, else the lease's last renewal. */
  private lastActivity(lease: LeaseRow): string | null {
    const session = lease.lease_session ? this.store.sessions.get(lease.lease_session) : undefined;
    if (session) return session.last_seen_at;
    if (lease.lease_minutes === null || lease.lease_expires_at === null) return null;
    return leaseUntil(lease.lease_expires_at, -lease.lease_minutes);
  }
}

/** What a status move may say about the holder's lease. */
export interface MoveOptions {
  /** An agent the caller tells about this move itself: the end of its lease is not told again. */
  toldAgent?: string | null;
}

type LeaseServices = Pick<CoreServices, 'store' | 'emit' | 'clock'>;

/**
 * Keeps a leased task's lease in step with a status move; the graph rules call it on every move,
 * so no caller can forget. A move out of work ends the lease (telling the holder when someone
 * else made it); a move back into progress restarts it from now, since waiting on the person
 * (needs_input, review) is not going silent and the old expiry may have passed meanwhile. A move
 * between the statuses where a lease holds otherwise leaves it as it is.
 */
export function keepLeaseInStep(
  services: LeaseServices,
  before: TaskRecord,
  status: TaskStatus,
  context: CallContext,
  options: MoveOptions = {},
): void {
  const { store, emit, clock } = services;
  const lease = store.leases.get(before.id);
  if (!lease) return;
  if (!HELD.includes(status)) {
    store.leases.clear(before.id);
    const who = context.caller.name;
    emit.taskReleased(context, before, leaseFacts(lease), {
      reason: `${who} moved it to ${status}`,
      status,
      assignee: lease.assignee,
    });
    if (who !== lease.lease_holder && options.toldAgent !== lease.lease_holder) {
      notify(services, context, {
        task: before,
        recipient: lease.lease_holder,
        kind: 'lease_ended',
        message: `${who} moved #${before.id} "${before.title}" to ${status}; your lease on it ended.`,
      });
    }
  } else if (status === 'in_progress' && before.status !== 'in_progress' && lease.lease_minutes) {
    store.leases.renew(before.id, lease.lease_holder, leaseUntil(clock.now(), lease.lease_minutes));
  }
}

export function leaseFacts(lease: LeaseRow) {
  return {
    holder: lease.lease_holder,
    session: lease.lease_session,
    expires_at: lease.lease_expires_at,
  };
}
