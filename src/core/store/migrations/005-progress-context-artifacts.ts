// Schema 5: what agents leave on a task for themselves and for whoever comes next: progress
// notes, checkpoints (named steps), saved contexts (compressed), handoff records, and the
// index of artifacts whose content lives in files beside the database.
export const migration005 = {
  version: 5,
  name: 'progress-context-artifacts',
  sql: /* sql */ `
CREATE TABLE progress_notes (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  note TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE INDEX progress_notes_by_task ON progress_notes (task_id, id);

CREATE TABLE checkpoints (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position > 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  done_at TEXT,
  PRIMARY KEY (task_id, position),
  UNIQUE (task_id, name)
) STRICT, WITHOUT ROWID;

-- owner: an agent's name, or "human:NAME" / "cli:NAME" for a person; task_id NULL is the
-- owner's context outside any task. The last few versions per (owner, task) are kept.
CREATE TABLE contexts (
  id INTEGER PRIMARY KEY,
  owner TEXT NOT NULL,
  task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  data BLOB NOT NULL,
  raw_bytes INTEGER NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;

CREATE INDEX contexts_by_owner ON contexts (owner, task_id, id);
CREATE INDEX contexts_by_task ON contexts (task_id, id) WHERE task_id IS NOT NULL;

CREATE TABLE handoffs (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  owner TEXT NOT NULL,
  document TEXT NOT NULL CHECK (json_valid(document)),
  prepared_by TEXT NOT NULL,
  prepared_at TEXT NOT NULL
) STRICT;

CREATE INDEX handoffs_by_task ON handoffs (task_id, id);
CREATE INDEX handoffs_by_owner ON handoffs (owner, id);

CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  -- one file per name, so names that only differ in case (one file on macOS and Windows) clash
  name TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL,
  media_type TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (task_id, name)
) STRICT;
`,
};
