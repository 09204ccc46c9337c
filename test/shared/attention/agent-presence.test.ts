// How the agents panel judges an agent: working while it holds a live lease, idle when seen in
// the last ten minutes, away after; a lease running out within two minutes is flagged.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  agentPresence,
  leaseHealth,
  relativeTime,
} from '../../../src/shared/attention/agent-presence.ts';
import type { Agent } from '../../../src/shared/operations/agents.ops.ts';

const NOW = '2026-03-02T14:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

function agent(fields: Partial<Agent>): Agent {
  return { agent: 'claude', sessions: [], last_seen_at: null, leases: [], handoffs: [], ...fields };
}

const lease = (expires: string | null) => ({
  task_id: 3,
  project_id: 1,
  title: 'Cache',
  status: 'in_progress' as const,
  session: 's1',
  expires_at: expires,
});

describe('agent presence', () => {
  test('working with a live lease, idle when seen lately, away otherwise', () => {
    assert.equal(agentPresence(agent({ leases: [lease(at(5))] }), NOW), 'working');
    assert.equal(agentPresence(agent({ leases: [lease(null)] }), NOW), 'working');
    assert.equal(agentPresence(agent({ last_seen_at: at(-9) }), NOW), 'idle');
    assert.equal(agentPresence(agent({ last_seen_at: at(-11) }), NOW), 'away');
    assert.equal(
      agentPresence(agent({ leases: [lease(at(-1))], last_seen_at: at(-30) }), NOW),
      'away',
    );
    assert.equal(agentPresence(agent({}), NOW), 'away');
  });

  test('lease health: held, expiring within two minutes, expired, or open-ended', () => {
    assert.equal(leaseHealth(at(10), NOW), 'held');
    assert.equal(leaseHealth(at(1.5), NOW), 'expiring');
    assert.equal(leaseHealth(at(0), NOW), 'expired');
    assert.equal(leaseHealth(null, NOW), 'open-ended');
  });

  test('relative times read at a glance', () => {
    assert.equal(relativeTime(at(0.2), NOW), 'in under a minute');
    assert.equal(relativeTime(at(-0.2), NOW), 'just now');
    assert.equal(relativeTime(at(4), NOW), 'in 4 min');
    assert.equal(relativeTime(at(-120), NOW), '2 h ago');
    assert.equal(relativeTime(at(-60 * 24 * 3), NOW), '3 d ago');
  });
});
