// SQL for the person's view of the agents: sessions seen since a time, the leases held, and each
// agent's latest handoffs. Read-only: the roster is assembled from what sessions and claims wrote.
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { Db } from './database.ts';
import type { SessionRow } from './sessions.repo.ts';

export interface HeldLeaseRow {
  task_id: number;
  project_id: number;
  title: string;
  status: TaskStatus;
  holder: string;
  session: string | null;
  expires_at: string | null;
}

export interface AgentHandoffRow {
  id: number;
  task_id: number;
  title: string | null;
  prepared_by: string;
  prepared_at: string;
}

export type AgentRosterRepo = ReturnType<typeof createAgentRosterRepo>;

export function createAgentRosterRepo(db: Db) {
  // a closed connection leaves its session open, so an open session seen long ago is history too
  const sessions = db.prepare<[string], SessionRow>(
    `SELECT id, agent, transport, started_at, last_seen_at, ended_at FROM sessions
     WHERE last_seen_at >= ?
     ORDER BY last_seen_at DESC, started_at DESC`,
  );
  const leases = db.prepare<[], HeldLeaseRow>(
    `SELECT id AS task_id, project_id, title, status, lease_holder AS holder,
       lease_session AS session, lease_expires_at AS expires_at
     FROM tasks WHERE lease_holder IS NOT NULL ORDER BY lease_holder, id`,
  );
  const handoffs = db.prepare<[string, number], AgentHandoffRow>(
    `SELECT h.id, h.task_id, t.title, h.prepared_by, h.prepared_at
     FROM handoffs h LEFT JOIN tasks t ON t.id = h.task_id
     WHERE h.owner = ? ORDER BY h.id DESC LIMIT ?`,
  );
  return {
    sessionsSince: (since: string): SessionRow[] => sessions.all(since),
    heldLeases: (): HeldLeaseRow[] => leases.all(),
    handoffsOf: (agent: string, limit: number): AgentHandoffRow[] => handoffs.all(agent, limit),
  };
}
