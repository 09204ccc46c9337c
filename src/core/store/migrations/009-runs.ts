// Schema 9: every code run (execute_code, the executor's commands). A row is written as
// `running` before the code starts, so a crash leaves it visible; the next open marks it
// `interrupted`. The full output stays in log_path; the row keeps a bounded head and tail.
export const migration009 = {
  version: 9,
  name: 'runs',
  sql: /* sql */ `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('python', 'javascript', 'typescript', 'bash', 'sql')),
  code TEXT NOT NULL,
  working_directory TEXT,
  limits TEXT NOT NULL CHECK (json_valid(limits)),
  sandbox_kind TEXT CHECK (sandbox_kind IN ('bubblewrap', 'rlimits')),
  -- what the sandbox guaranteed and did not, as recorded when the run started
  sandbox TEXT CHECK (sandbox IS NULL OR json_valid(sandbox)),
  -- the package install before the run, when packages were named
  setup TEXT CHECK (setup IS NULL OR json_valid(setup)),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'timed_out',
    'cancelled', 'killed', 'interrupted', 'setup_failed')),
  exit_code INTEGER,
  signal TEXT,
  duration_ms INTEGER,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  head TEXT NOT NULL DEFAULT '',
  tail TEXT NOT NULL DEFAULT '',
  total_bytes INTEGER NOT NULL DEFAULT 0,
  truncated INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
  log_path TEXT,
  created_by TEXT NOT NULL,
  -- the process that runs it: a running row whose process is gone was interrupted
  owner_pid INTEGER,
  -- the run's first process (its sandbox), so whoever finds the run interrupted can end what is left
  pid INTEGER,
  -- set by a caller in any process; the owner's poll stops the run (cancel_run)
  cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1))
) STRICT;

-- input typed from another process for a run this one does not host; its owner takes it
CREATE TABLE run_inputs (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  end_input INTEGER NOT NULL CHECK (end_input IN (0, 1))
) STRICT;

CREATE INDEX run_inputs_by_run ON run_inputs (run_id, id);

CREATE INDEX runs_by_task ON runs (task_id, id) WHERE task_id IS NOT NULL;
CREATE INDEX runs_running ON runs (status) WHERE status = 'running';
`,
};
