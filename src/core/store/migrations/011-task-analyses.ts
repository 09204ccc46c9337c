// Schema 11: the analyses behind a task's complexity score and estimated hours, the latest of
// each kind per task (JSON as the planning operations return it), so get_task can show why.
export const migration011 = {
  version: 11,
  name: 'task-analyses',
  sql: /* sql */ `
CREATE TABLE task_analyses (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('complexity', 'effort')),
  result TEXT NOT NULL CHECK (json_valid(result)),
  analyzed_at TEXT NOT NULL,
  analyzed_by TEXT NOT NULL,
  PRIMARY KEY (task_id, kind)
) STRICT, WITHOUT ROWID;
`,
};
