// How an agent in the agents panel is doing, judged against the core's clock: working (holds a
// task on a live lease), idle (seen lately, holds nothing), away (not seen lately), and whether
// a lease it holds is about to run out. Pure, so it is tested without a page.
import type { Agent } from '../operations/agents.ops.ts';

export type Presence = 'working' | 'idle' | 'away';

/** Seen within this long counts as still there: agents call tools every minute or so. */
export const IDLE_AFTER_MS = 10 * 60_000;
/** A lease this close to expiry is shown as running out, so the person can look in. */
export const EXPIRING_WITHIN_MS = 2 * 60_000;

export function agentPresence(agent: Agent, now: string): Presence {
  const at = Date.parse(now);
  const live = agent.leases.some(
    (lease) => lease.expires_at === null || Date.parse(lease.expires_at) > at,
  );
  if (live && agent.leases.length > 0) return 'working';
  const seen =
    agent.last_seen_at === null ? Number.NEGATIVE_INFINITY : Date.parse(agent.last_seen_at);
  return at - seen <= IDLE_AFTER_MS ? 'idle' : 'away';
}

export type LeaseHealth = 'held' | 'expiring' | 'expired' | 'open-ended';

export function leaseHealth(expiresAt: string | null, now: string): LeaseHealth {
  if (expiresAt === null) return 'open-ended';
  const left = Date.parse(expiresAt) - Date.parse(now);
  if (left <= 0) return 'expired';
  return left <= EXPIRING_WITHIN_MS ? 'expiring' : 'held';
}

/** "in 4 min", "2 h ago", "just now": short enough for a table cell. */
export function relativeTime(at: string, now: string): string {
  const delta = Date.parse(at) - Date.parse(now);
  const abs = Math.abs(delta);
  if (abs < 45_000) return delta >= 0 ? 'in under a minute' : 'just now';
  const [amount, unit] =
    abs < 3_600_000
      ? [Math.round(abs / 60_000), 'min']
      : abs < 86_400_000
        ? [Math.round(abs / 3_600_000), 'h']
        : [Math.round(abs / 86_400_000), 'd'];
  return delta >= 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}
