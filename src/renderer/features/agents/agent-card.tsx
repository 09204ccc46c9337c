// One agent in the panel: its name and whether it is working, idle or away; the tasks it holds
// with when each lease runs out; its sessions and last activity; its latest handoffs.
import { memo } from 'react';
import {
  agentPresence,
  leaseHealth,
  relativeTime,
} from '../../../shared/attention/agent-presence.ts';
import type { Agent } from '../../../shared/operations/agents.ops.ts';

const PRESENCE_LABEL = { working: 'working', idle: 'idle', away: 'away' } as const;

function LeaseLine({ lease, now }: { lease: Agent['leases'][number]; now: string }) {
  const health = leaseHealth(lease.expires_at, now);
  const expiry =
    lease.expires_at === null
      ? 'held until released'
      : health === 'expired'
        ? `lease ran out ${relativeTime(lease.expires_at, now)}`
        : `lease expires ${relativeTime(lease.expires_at, now)}`;
  return (
    <li className="agent-card__lease" data-health={health}>
      <span className="agent-card__task">
        #{lease.task_id} {lease.title}
      </span>
      <span className="agent-pill">{lease.status.replace('_', ' ')}</span>
      <span className="agent-card__expiry">{expiry}</span>
    </li>
  );
}

export const AgentCard = memo(function AgentCard({ agent, now }: { agent: Agent; now: string }) {
  const presence = agentPresence(agent, now);
  const open = agent.sessions.filter((session) => session.ended_at === null);
  const transports = [...new Set(agent.sessions.map((s) => s.transport).filter((t) => t !== null))];
  return (
    <article className="agent-card" data-presence={presence} aria-label={`Agent ${agent.agent}`}>
      <header className="agent-card__head">
        <span className="agent-card__dot" aria-hidden="true" />
        <span className="agent-card__name">{agent.agent}</span>
        <span className="agent-pill">{PRESENCE_LABEL[presence]}</span>
        <span className="agent-card__meta muted">
          {agent.last_seen_at
            ? `last active ${relativeTime(agent.last_seen_at, now)}`
            : 'not seen lately'}
          {' · '}
          {open.length} open session{open.length === 1 ? '' : 's'}
          {transports.length > 0 ? ` over ${transports.join(', ')}` : ''}
        </span>
      </header>
      {agent.leases.length > 0 ? (
        <ul className="agent-card__leases" aria-label="Current tasks">
          {agent.leases.map((lease) => (
            <LeaseLine key={lease.task_id} lease={lease} now={now} />
          ))}
        </ul>
      ) : (
        <p className="agent-card__none muted">No task held.</p>
      )}
      {agent.handoffs.length > 0 && (
        <div className="agent-card__handoffs">
          <span className="muted">Handoffs:</span>
          {agent.handoffs.map((handoff) => (
            <span key={handoff.id} className="agent-card__handoff">
              #{handoff.task_id} {handoff.title ?? '(deleted task)'} ·{' '}
              {relativeTime(handoff.prepared_at, now)}
            </span>
          ))}
        </div>
      )}
    </article>
  );
});
