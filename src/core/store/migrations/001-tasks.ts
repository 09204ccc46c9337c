// Schema 1: projects, tasks with their tags, file references and dependencies, commits,
// the event log and notifications.
export const migration001 = {
  version: 1,
  name: 'tasks',
  sql: /* sql */ `
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  root_path TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO projects (id, name, description, created_at, updated_at)
VALUES (1, 'default', 'The default project', strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'));

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  description TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '',
  test_strategy TEXT NOT NULL DEFAULT '',
  acceptance_criteria TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(acceptance_criteria)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
    ('pending', 'in_progress', 'needs_input', 'review', 'completed', 'failed', 'cancelled', 'blocked')),
  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 4),
  assignee TEXT,
  code_language TEXT,
  execution_environment TEXT,
  complexity_score REAL,
  estimated_hours REAL,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- derived, kept in step by the task service: prerequisites not completed, and prerequisites
  -- that failed or wait on a failure
  unmet_dependencies INTEGER NOT NULL DEFAULT 0 CHECK (unmet_dependencies >= 0),
  failed_prerequisites INTEGER NOT NULL DEFAULT 0 CHECK (failed_prerequisites >= 0),
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  position_x REAL,
  position_y REAL
) STRICT;

CREATE INDEX tasks_by_project ON tasks (project_id, id);
CREATE INDEX tasks_by_status ON tasks (project_id, status, id);
CREATE INDEX tasks_by_parent ON tasks (parent_id, id) WHERE parent_id IS NOT NULL;
CREATE INDEX tasks_ready ON tasks (project_id, priority DESC, id)
  WHERE status = 'pending' AND unmet_dependencies = 0;

-- tasks per project and status, kept by triggers so every process's writes count and a page
-- of a large project does not count every row
CREATE TABLE task_counts (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (project_id, status)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER task_counts_after_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO task_counts (project_id, status, count) VALUES (NEW.project_id, NEW.status, 1)
  ON CONFLICT (project_id, status) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER task_counts_after_delete AFTER DELETE ON tasks BEGIN
  UPDATE task_counts SET count = count - 1 WHERE project_id = OLD.project_id AND status = OLD.status;
END;

CREATE TRIGGER task_counts_after_update AFTER UPDATE OF status, project_id ON tasks
WHEN OLD.status <> NEW.status OR OLD.project_id <> NEW.project_id BEGIN
  UPDATE task_counts SET count = count - 1 WHERE project_id = OLD.project_id AND status = OLD.status;
  INSERT INTO task_counts (project_id, status, count) VALUES (NEW.project_id, NEW.status, 1)
  ON CONFLICT (project_id, status) DO UPDATE SET count = count + 1;
END;

-- ready tasks (pending, every dependency completed) per project, kept the same way
CREATE TABLE ready_counts (
  project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  count INTEGER NOT NULL CHECK (count >= 0)
) STRICT;

CREATE TRIGGER ready_counts_after_insert AFTER INSERT ON tasks
WHEN NEW.status = 'pending' AND NEW.unmet_dependencies = 0 BEGIN
  INSERT INTO ready_counts (project_id, count) VALUES (NEW.project_id, 1)
  ON CONFLICT (project_id) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER ready_counts_after_delete AFTER DELETE ON tasks
WHEN OLD.status = 'pending' AND OLD.unmet_dependencies = 0 BEGIN
  UPDATE ready_counts SET count = count - 1 WHERE project_id = OLD.project_id;
END;

CREATE TRIGGER ready_counts_after_update AFTER UPDATE OF status, unmet_dependencies, project_id ON tasks
WHEN (OLD.status = 'pending' AND OLD.unmet_dependencies = 0) <> (NEW.status = 'pending' AND NEW.unmet_dependencies = 0)
  OR OLD.project_id <> NEW.project_id BEGIN
  UPDATE ready_counts SET count = count - 1
  WHERE project_id = OLD.project_id AND OLD.status = 'pending' AND OLD.unmet_dependencies = 0;
  INSERT INTO ready_counts (project_id, count) SELECT NEW.project_id, 1
  WHERE NEW.status = 'pending' AND NEW.unmet_dependencies = 0
  ON CONFLICT (project_id) DO UPDATE SET count = count + 1;
END;

CREATE TABLE task_tags (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (task_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX task_tags_by_tag ON task_tags (tag, task_id);

CREATE TABLE file_refs (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  path TEXT NOT NULL CHECK (length(path) > 0),
  line_start INTEGER CHECK (line_start > 0),
  line_end INTEGER CHECK (line_end >= line_start),
  note TEXT
) STRICT;

CREATE INDEX file_refs_by_task ON file_refs (task_id, position);

CREATE TABLE dependencies (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  depends_on INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (task_id, depends_on),
  CHECK (task_id <> depends_on)
) STRICT, WITHOUT ROWID;

CREATE INDEX dependencies_by_prerequisite ON dependencies (depends_on, task_id);

CREATE TABLE commits (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  author TEXT,
  linked_at TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  UNIQUE (task_id, hash)
) STRICT;

-- append-only; no foreign keys, so the audit trail outlives what it describes
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  project_id INTEGER,
  task_id INTEGER,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX events_by_project ON events (project_id, id);
CREATE INDEX events_by_task ON events (task_id, id) WHERE task_id IS NOT NULL;

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  recipient TEXT,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
) STRICT;

CREATE INDEX notifications_unread ON notifications (recipient, id) WHERE read_at IS NULL;
`,
};
