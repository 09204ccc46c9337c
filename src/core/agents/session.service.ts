// Agent sessions: started under an agent's name (a socket connection starts one by itself),
// seen on every call, ended explicitly or when the connection closes. Ending a session gives
// back the tasks it still holds, so a departed agent's work is claimable at once.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { makeContext, type CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { SessionRow } from '../store/sessions.repo.ts';
import { LeaseLifecycle, leaseFacts } from '../tasks/lease-expiry.ts';

/** last_seen_at is written at most this often per session: a write per call would cost a lock. */
export const SEEN_EVERY_MS = 30_000;

export class SessionService extends CoreService {
  private readonly leases: LeaseLifecycle;

  constructor(services: CoreServices, leases: LeaseLifecycle) {
    super(services);
    this.leases = leases;
  }

  start(
    input: OperationArgs<'start_session'>,
    context: CallContext,
  ): OperationOutput<'start_session'> {
    return this.store.write(() => {
      const now = this.clock.now();
      const session: SessionRow = {
        id: randomBytes(6).toString('base64url'),
        agent: input.agent_name,
        transport: input.transport ?? null,
        started_at: now,
        last_seen_at: now,
        ended_at: null,
      };
      this.store.sessions.insert(session);
      this.emit.sessionStarted(this.as(session, context), facts(session));
      const held = this.store.leases.ofHolder(session.agent)[0];
      const resumed = held
        ? {
            task: { id: held.id, title: held.title, status: held.status },
            lease: leaseFacts(held),
          }
        : null;
      return {
        session_id: session.id,
        agent: session.agent,
        started_at: now,
        resumed,
        message:
          `Session ${session.id} started for ${session.agent}.` +
          (held ? ` You still hold #${held.id} "${held.title}" (${held.status}).` : ''),
      };
    });
  }

  end(input: OperationArgs<'end_session'>, context: CallContext): OperationOutput<'end_session'> {
    const id = input.session_id ?? context.caller.session;
    if (id === undefined) {
      throw new AppError(
        'VALIDATION',
        'Name the session to end: this call carries none of its own. Pass session_id as start_session returned it.',
      );
    }
    return this.store.write(() => {
      const session = this.store.sessions.get(id);
      if (!session) {
        throw new AppError('NOT_FOUND', `No session with id "${id}".`, { session_id: id });
      }
      const { caller } = context;
      if (caller.kind === 'agent' && caller.name !== session.agent) {
        throw new AppError(
          'FORBIDDEN',
          `Session ${id} belongs to ${session.agent}; an agent may end only its own sessions.`,
          { session_id: id, agent: session.agent },
        );
      }
      if (session.ended_at !== null) {
        return {
          session_id: id,
          released: [],
          message: `Session ${id} had already ended at ${session.ended_at}; nothing changed.`,
        };
      }
      const as = this.as(session, context);
      const released = this.releaseHeld(session, as);
      const now = this.clock.now();
      this.store.sessions.end(id, now);
      this.emit.sessionEnded(as, facts(session), {
        ended_at: now,
        released: released.map((ref) => ref.id),
      });
      return {
        session_id: id,
        released,
        message:
          `Session ${id} of ${session.agent} ended.` +
          (released.length > 0
            ? ` Released ${released.map((ref) => `#${ref.id}`).join(', ')} back to the ready set.`
            : ''),
      };
    });
  }

  private releaseHeld(session: SessionRow, context: CallContext) {
    const held = this.store.leases
      .ofHolder(session.agent)
      .filter((lease) => lease.lease_session === session.id);
    return held.map((lease) => {
      this.store.leases.clear(lease.id);
      const after = this.leases.backToReady(lease.id, lease.lease_holder, context);
      this.emit.taskReleased(context, lease, leaseFacts(lease), {
        reason: `session ${session.id} ended`,
        status: after.status,
        assignee: after.assignee,
      });
      return { id: after.id, title: after.title, status: after.status };
    });
  }

  /** Session events are the agent's own, whoever's call (the MCP layer's, say) made them. */
  private as(session: SessionRow, context: CallContext): CallContext {
    if (context.caller.kind === 'agent' && context.caller.name === session.agent) return context;
    return makeContext({
      ...context,
      caller: { kind: 'agent', name: session.agent, session: session.id },
      actor: undefined,
    });
  }
}

function facts(session: SessionRow) {
  return {
    session_id: session.id,
    agent: session.agent,
    transport: session.transport,
    started_at: session.started_at,
  };
}
