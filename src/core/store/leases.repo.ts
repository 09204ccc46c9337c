// SQL for claims on tasks: leases (who holds a task, in which session, until when), their
// renewal and expiry, and a person's pause. These columns change without a version bump where
// noted: a renewal is bookkeeping, not an edit anyone must merge against.
import type { Db } from './database.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';

export interface LeaseRow {
  id: number;
  project_id: number;
  title: string;
  status: TaskStatus;
  assignee: string | null;
  lease_holder: string;
  lease_session: string | null;
  lease_expires_at: string | null;
  lease_minutes: number | null;
}

export interface NewLease {
  id: number;
  holder: string;
  session: string | null;
  expires_at: string | null;
  minutes: number | null;
  now: string;
}

/** The last claim, release or expiry recorded on a task, newest first. */
export interface LeaseEventRow {
  /** task.claimed, task.released or task.lease_expired. */
  type: string;
  before: string | null;
  after: string | null;
}

export type LeasesRepo = ReturnType<typeof createLeasesRepo>;

const LEASE = `id, project_id, title, status, assignee, lease_holder, lease_session, lease_expires_at, lease_minutes`;

export function createLeasesRepo(db: Db) {
  const byId = db.prepare<[number], LeaseRow>(
    `SELECT ${LEASE} FROM tasks WHERE id = ? AND lease_holder IS NOT NULL`,
  );
  // the claimant becomes the assignee: lists by assignee show who works on what
  const claim = db.prepare<NewLease>(
    `UPDATE tasks SET lease_holder = @holder, lease_session = @session, lease_expires_at = @expires_at,
       lease_minutes = @minutes, assignee = @holder, version = version + 1, updated_at = @now
     WHERE id = @id`,
  );
  const clear = db.prepare<[number]>(
    `UPDATE tasks SET lease_holder = NULL, lease_session = NULL, lease_expires_at = NULL, lease_minutes = NULL
     WHERE id = ?`,
  );
  const renew = db.prepare<[string, number, string, string]>(
    `UPDATE tasks SET lease_expires_at = ? WHERE id = ? AND lease_holder = ? AND lease_expires_at < ?`,
  );
  // leases to end: an in-progress task's past its expiry (waiting on the person in needs_input
  // or review is not going silent), and any left on a task that is no longer being worked on
  const due = db.prepare<[string], LeaseRow>(
    `SELECT ${LEASE} FROM tasks
     WHERE lease_holder IS NOT NULL
       AND ((status = 'in_progress' AND lease_expires_at <= ?)
         OR status NOT IN ('in_progress', 'needs_input', 'review'))
     ORDER BY lease_expires_at, id`,
  );
  const expire = db.prepare<[number, string]>(
    `UPDATE tasks SET lease_holder = NULL, lease_session = NULL, lease_expires_at = NULL, lease_minutes = NULL
     WHERE id = ? AND lease_expires_at <= ?`,
  );
  const ofHolder = db.prepare<[string], LeaseRow>(
    `SELECT ${LEASE} FROM tasks WHERE lease_holder = ? ORDER BY coalesce(lease_expires_at, '9999') DESC, id DESC`,
  );
  const lastEvent = db.prepare<[number], LeaseEventRow>(
    `SELECT type, before, after FROM events
     WHERE task_id = ? AND type IN ('task.claimed', 'task.released', 'task.lease_expired')
     ORDER BY id DESC LIMIT 1`,
  );
  const pause = db.prepare<[string, string, string, string, number]>(
    `UPDATE tasks SET paused_at = ?, paused_by = ?, paused_reason = ?, version = version + 1, updated_at = ?
     WHERE id = ?`,
  );
  const resume = db.prepare<[string, number]>(
    `UPDATE tasks SET paused_at = NULL, paused_by = NULL, paused_reason = NULL, version = version + 1,
       updated_at = ? WHERE id = ?`,
  );
  return {
    /** The task's lease, if anyone holds one. */
    get: (id: number): LeaseRow | undefined => byId.get(id),
    claim: (lease: NewLease): void => void claim.run(lease),
    clear: (id: number): void => void clear.run(id),
    /** Extends the holder's lease to `until` when it ends sooner; false when it was not theirs. */
    renew: (id: number, holder: string, until: string): boolean =>
      renew.run(until, id, holder, until).changes > 0,
    due: (now: string): LeaseRow[] => due.all(now),
    /** Clears a lease that is still due; false when another process expired it first. */
    expire: (id: number, now: string): boolean => expire.run(id, now).changes > 0,
    ofHolder: (holder: string): LeaseRow[] => ofHolder.all(holder),
    lastEvent: (taskId: number): LeaseEventRow | undefined => lastEvent.get(taskId),
    pause: (id: number, at: string, by: string, reason: string): void =>
      void pause.run(at, by, reason, at, id),
    resume: (id: number, at: string): void => void resume.run(at, id),
  };
}
