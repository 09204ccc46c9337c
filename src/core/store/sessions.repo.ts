// SQL for agent sessions: one row per connection or start_session call, seen and ended.
import type { Db } from './database.ts';

export interface SessionRow {
  id: string;
  agent: string;
  transport: string | null;
  started_at: string;
  last_seen_at: string;
  ended_at: string | null;
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;

export function createSessionsRepo(db: Db) {
  const insert = db.prepare<SessionRow>(
    `INSERT INTO sessions (id, agent, transport, started_at, last_seen_at, ended_at)
     VALUES (@id, @agent, @transport, @started_at, @last_seen_at, @ended_at)`,
  );
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const touch = db.prepare<[string, string, string]>(
    'UPDATE sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL AND last_seen_at < ?',
  );
  const end = db.prepare<[string, string, string]>(
    'UPDATE sessions SET ended_at = ?, last_seen_at = ? WHERE id = ? AND ended_at IS NULL',
  );
  return {
    insert: (session: SessionRow): void => void insert.run(session),
    get: (id: string): SessionRow | undefined => byId.get(id),
    /** Records activity unless it was recorded since `staleBefore`; false when nothing changed. */
    touch: (id: string, now: string, staleBefore: string): boolean =>
      touch.run(now, id, staleBefore).changes > 0,
    end: (id: string, at: string): boolean => end.run(at, at, id).changes > 0,
  };
}
