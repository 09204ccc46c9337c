// Schema 6: questions an agent asks the person (interventions). The task waits in needs_input
// while one is open; the row remembers the status to restore once it is answered or cancelled.
export const migration006 = {
  version: 6,
  name: 'interventions',
  sql: /* sql */ `
CREATE TABLE interventions (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('clarification', 'approval', 'help')),
  question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
  options TEXT CHECK (options IS NULL OR json_valid(options)),
  urgency TEXT NOT NULL CHECK (urgency IN ('low', 'normal', 'high', 'critical')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'cancelled')),
  -- the actor who asked ("agent:claude#s1"), and the agent's name when an agent asked: the
  -- recipient of the notification that says it was answered
  asked_by TEXT NOT NULL,
  agent TEXT,
  -- the task's status before it went to needs_input; NULL when asking did not change it
  previous_status TEXT,
  -- the person's notification about this question, marked read once it is closed
  notification_id INTEGER REFERENCES notifications(id) ON DELETE SET NULL,
  answer TEXT,
  chosen_option TEXT,
  cancel_reason TEXT,
  -- who answered or cancelled it, and when
  answered_by TEXT,
  created_at TEXT NOT NULL,
  answered_at TEXT
) STRICT;

CREATE INDEX interventions_open ON interventions (task_id, id) WHERE status = 'open';
CREATE INDEX interventions_by_status ON interventions (status, id);
`,
};
