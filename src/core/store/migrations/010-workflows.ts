// Schema 10: the workflow executor. Tasks carry a run spec and a verify spec (JSON); a workflow
// run is one execution of a project's DAG (or a task's prerequisites), with each task's state,
// every attempt with its verification, every command with its real output, and the reports.
export const migration010 = {
  version: 10,
  name: 'workflows',
  sql: /* sql */ `
ALTER TABLE tasks ADD COLUMN run_spec TEXT CHECK (run_spec IS NULL OR json_valid(run_spec));
ALTER TABLE tasks ADD COLUMN verify_spec TEXT CHECK (verify_spec IS NULL OR json_valid(verify_spec));

CREATE TABLE workflow_runs (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  scope_task_id INTEGER,
  status TEXT NOT NULL CHECK (status IN
    ('running', 'paused', 'completed', 'failed', 'cancelled', 'incomplete')),
  -- a pause or cancel asked for by any process; the process running the workflow obeys it
  control TEXT CHECK (control IN ('pause', 'cancel')),
  concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
  retries INTEGER NOT NULL CHECK (retries >= 0),
  backoff_ms INTEGER NOT NULL CHECK (backoff_ms >= 0),
  fail_fast INTEGER NOT NULL CHECK (fail_fast IN (0, 1)),
  -- the process executing it, so another can tell a live run from one whose process died
  owner_pid INTEGER,
  owner_host TEXT,
  created_by TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX workflow_runs_by_project ON workflow_runs (project_id, id);

CREATE TABLE workflow_tasks (
  workflow_run_id INTEGER NOT NULL REFERENCES workflow_runs(id) ON DELETE CASCADE,
  task_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'running', 'retrying', 'passed', 'review',
    'failed', 'blocked', 'manual', 'claimed', 'cancelled', 'done_before')),
  attempts INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  started_at TEXT,
  finished_at TEXT,
  PRIMARY KEY (workflow_run_id, task_id)
) STRICT;

CREATE TABLE workflow_attempts (
  id INTEGER PRIMARY KEY,
  workflow_run_id INTEGER NOT NULL REFERENCES workflow_runs(id) ON DELETE CASCADE,
  task_id INTEGER NOT NULL,
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  status TEXT NOT NULL CHECK (status IN ('running', 'passed', 'failed', 'interrupted', 'cancelled')),
  verification TEXT CHECK (verification IS NULL OR json_valid(verification)),
  error TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  duration_ms INTEGER,
  UNIQUE (workflow_run_id, task_id, attempt)
) STRICT;

CREATE TABLE workflow_commands (
  id INTEGER PRIMARY KEY,
  attempt_id INTEGER NOT NULL REFERENCES workflow_attempts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  language TEXT NOT NULL,
  code TEXT NOT NULL,
  run_id INTEGER,
  status TEXT NOT NULL,
  exit_code INTEGER,
  signal TEXT,
  duration_ms INTEGER NOT NULL,
  head TEXT NOT NULL,
  tail TEXT NOT NULL,
  total_bytes INTEGER NOT NULL,
  truncated INTEGER NOT NULL CHECK (truncated IN (0, 1)),
  sandbox TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL
) STRICT;
CREATE INDEX workflow_commands_by_attempt ON workflow_commands (attempt_id, position);

CREATE TABLE workflow_reports (
  id INTEGER PRIMARY KEY,
  workflow_run_id INTEGER NOT NULL REFERENCES workflow_runs(id) ON DELETE CASCADE,
  markdown TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX workflow_reports_by_run ON workflow_reports (workflow_run_id, id);
`,
};
