// Claiming tasks: select and lease in one IMMEDIATE write transaction, so two processes never
// read the same ready task as free. A claim moves the task to in_progress through the graph
// rules (events, started_at, counters), makes the claimant its assignee and holder, and first
// expires every lease past its time, so a silent agent's task is claimable at once. Persons may
// claim too: their claim carries no expiry (expiry exists to catch silent agents).
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { atUtc, authorizeChange, isLive, pausedError } from '../agents/authorization.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService } from '../core-service.ts';
import type { FeatureServices } from '../handlers.ts';
import { criteriaOf } from '../planning/next-task-scoring.ts';
import type { NextTaskService } from '../planning/next-task.service.ts';
import type { TaskRecord } from '../store/task-rows.ts';
import { defaultLeaseMinutes, LeaseLifecycle, leaseUntil, runSteps } from './lease-expiry.ts';
import { requireTask } from './task-errors.ts';
import { toTask } from './task-view.ts';

type ClaimOutput = OperationOutput<'claim_task'>;

export class ClaimService extends CoreService {
  private readonly projects: FeatureServices['projects'];
  private readonly selection: NextTaskService;
  private readonly leases: LeaseLifecycle;

  constructor(services: FeatureServices, selection: NextTaskService, leases: LeaseLifecycle) {
    super(services);
    this.projects = services.projects;
    this.selection = selection;
    this.leases = leases;
  }

  claimNext(input: OperationArgs<'claim_next_task'>, context: CallContext): ClaimOutput {
    const criteria = criteriaOf(input);
    return this.store.write(() => {
      this.leases.expireDue();
      const project = this.projects.resolve(input.project_id, context);
      const { ranked, explanation } = this.selection.choose(
        project.id,
        criteria,
        context.caller,
        1,
      );
      const best = ranked[0];
      if (!best) {
        const why = explanation ?? { reasons: [], message: 'Nothing is ready.' };
        return { task: null, lease: null, reasons: why.reasons, message: why.message };
      }
      return this.lease(best.record, input.lease_minutes, context, best.reasons);
    });
  }

  claim(input: OperationArgs<'claim_task'>, context: CallContext): ClaimOutput {
    return this.store.write(() => {
      this.leases.expireDue();
      const task = requireTask(this.store, input.task_id);
      if (task.paused_at !== null) throw pausedError(task);
      const now = this.clock.now();
      if (task.lease_holder === context.caller.name) return this.renew(task, input.lease_minutes);
      if (isLive(task, now)) {
        throw new AppError(
          'CONFLICT',
          `#${task.id} "${task.title}" is already claimed by ${task.lease_holder}${task.lease_expires_at ? ` until ${atUtc(task.lease_expires_at, now)}` : ''}.`,
          {
            task_id: task.id,
            lease_holder: task.lease_holder,
            lease_expires_at: task.lease_expires_at,
          },
          [{ action: 'claim another task', operation: 'claim_next_task', input: {} }],
        );
      }
      this.checkClaimable(task);
      return this.lease(task, input.lease_minutes, context, ['you asked for it by id']);
    });
  }

  /** Refuses a task that is neither ready nor in progress without a holder, naming what it waits on. */
  private checkClaimable(task: TaskRecord): void {
    if (task.status === 'in_progress') return;
    if (task.status === 'pending' && task.unmet_dependencies > 0) {
      const open = this.store.dependencies
        .prerequisiteStates(task.id)
        .filter((prerequisite) => prerequisite.status !== 'completed');
      const refs = this.store.tasks.refs(open.map((prerequisite) => prerequisite.id));
      throw new AppError(
        'VALIDATION',
        `#${task.id} "${task.title}" is not ready: it waits on ${refs.map((ref) => `#${ref.id} "${ref.title}" (${ref.status})`).join(', ')}.`,
        { task_id: task.id, waiting_for: refs },
        [{ action: 'claim a ready task', operation: 'claim_next_task', input: {} }],
      );
    }
    if (task.status !== 'pending') {
      throw new AppError(
        'VALIDATION',
        `#${task.id} "${task.title}" is ${task.status}; only a ready task (pending, every prerequisite completed) or an unclaimed one in progress can be claimed.`,
        { task_id: task.id, status: task.status },
        [{ action: 'claim a ready task', operation: 'claim_next_task', input: {} }],
      );
    }
  }

  /** Leases `task` to the caller, moving it to in_progress when it is pending. */
  private lease(
    task: TaskRecord,
    minutes: number | undefined,
    context: CallContext,
    reasons: string[],
  ): ClaimOutput {
    const { caller } = context;
    if (task.status === 'pending') {
      this.rules.checkMove(task, 'in_progress');
      runSteps(this.rules.moveStatus(task, 'in_progress', context));
    }
    const now = this.clock.now();
    const expiring = caller.kind === 'agent';
    const length = expiring ? (minutes ?? defaultLeaseMinutes(this.store)) : null;
    const lease = {
      holder: caller.name,
      session: caller.session ?? null,
      expires_at: length === null ? null : leaseUntil(now, length),
    };
    this.store.leases.claim({ id: task.id, ...lease, minutes: length, now });
    const claimed = this.store.tasks.get(task.id)!;
    this.emit.taskClaimed(
      context,
      claimed,
      { status: task.status, assignee: task.assignee },
      { ...lease, status: claimed.status, assignee: claimed.assignee, version: claimed.version },
    );
    const until = lease.expires_at
      ? ` until ${atUtc(lease.expires_at, now)}; your activity on it renews the lease`
      : '; the claim lasts until it is released or finished';
    return {
      task: toTask(this.store, claimed),
      lease,
      reasons,
      message: `Claimed #${claimed.id} "${claimed.title}" for ${caller.name}${until}.`,
    };
  }

  /** The holder claiming its own task again: the lease is renewed, nothing else changes. */
  private renew(task: TaskRecord, minutes: number | undefined): ClaimOutput {
    const lease = this.store.leases.get(task.id)!;
    const now = this.clock.now();
    const length = lease.lease_minutes === null ? null : (minutes ?? lease.lease_minutes);
    const expires = length === null ? null : leaseUntil(now, length);
    if (expires !== null) this.store.leases.renew(task.id, lease.lease_holder, expires);
    const current = this.store.tasks.get(task.id)!;
    return {
      task: toTask(this.store, current),
      lease: {
        holder: lease.lease_holder,
        session: lease.lease_session,
        expires_at: current.lease_expires_at,
      },
      reasons: ['you already hold it'],
      message: `You already hold #${task.id} "${task.title}"${current.lease_expires_at ? `; the lease now runs until ${atUtc(current.lease_expires_at, now)}` : ''}.`,
    };
  }

  release(
    input: OperationArgs<'release_task'>,
    context: CallContext,
  ): OperationOutput<'release_task'> {
    return this.store.write(() => {
      this.leases.expireDue();
      const task = requireTask(this.store, input.task_id);
      const lease = this.store.leases.get(task.id);
      const { caller } = context;
      const now = this.clock.now();
      if (!lease) {
        // an agent whose lease lapsed hears that, rather than "not claimed"
        authorizeChange(this.store, task, context, now);
        throw new AppError(
          'VALIDATION',
          `#${task.id} "${task.title}" is not claimed by anyone; there is nothing to release.`,
          { task_id: task.id },
        );
      }
      if (caller.kind === 'agent' && lease.lease_holder !== caller.name) {
        throw new AppError(
          'FORBIDDEN',
          `#${task.id} "${task.title}" is leased by ${lease.lease_holder}${lease.lease_expires_at ? ` until ${atUtc(lease.lease_expires_at, now)}` : ''}; only its holder or a person can release it.`,
          { task_id: task.id, lease_holder: lease.lease_holder },
        );
      }
      this.store.leases.clear(task.id);
      const after = this.leases.backToReady(task.id, lease.lease_holder, context);
      const reason = input.reason ?? `released by ${caller.name}`;
      this.emit.taskReleased(
        context,
        task,
        {
          holder: lease.lease_holder,
          session: lease.lease_session,
          expires_at: lease.lease_expires_at,
        },
        { reason, status: after.status, assignee: after.assignee },
      );
      if (caller.name !== lease.lease_holder) {
        this.leases.notify(
          context,
          task,
          lease.lease_holder,
          'lease_ended',
          `${caller.name} released #${task.id} "${task.title}" from you: ${reason}`,
        );
      }
      return {
        task: toTask(this.store, this.store.tasks.get(task.id)!),
        message: `Released #${task.id} "${task.title}"; it is ${after.status} again.`,
      };
    });
  }
}
