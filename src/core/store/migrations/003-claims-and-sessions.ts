// Schema 3: agent sessions, and the claims on tasks: who holds a task's lease (and in which
// session, for how long each renewal extends it) until when, and a person's pause of a task.
export const migration003 = {
  version: 3,
  name: 'claims-and-sessions',
  sql: /* sql */ `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  agent TEXT NOT NULL,
  transport TEXT,
  started_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT
) STRICT;

CREATE INDEX sessions_by_agent ON sessions (agent, started_at);

-- the holder is an agent's name (or a person's, whose claim never expires: lease_expires_at
-- stays NULL); lease_minutes is how far each renewal by the holder's activity extends it
ALTER TABLE tasks ADD COLUMN lease_holder TEXT;
ALTER TABLE tasks ADD COLUMN lease_session TEXT;
ALTER TABLE tasks ADD COLUMN lease_expires_at TEXT;
ALTER TABLE tasks ADD COLUMN lease_minutes INTEGER CHECK (lease_minutes BETWEEN 1 AND 480);
ALTER TABLE tasks ADD COLUMN paused_at TEXT;
ALTER TABLE tasks ADD COLUMN paused_by TEXT;
ALTER TABLE tasks ADD COLUMN paused_reason TEXT;

CREATE INDEX tasks_lease_expiry ON tasks (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE INDEX tasks_by_lease_holder ON tasks (lease_holder, id) WHERE lease_holder IS NOT NULL;
`,
};
