// Schema 4: approval gates and clarifications. A task, or every task of a project, may require a
// person's approval before an agent's work counts as completed; the person's clarifications of a
// task are kept for the agent working on it to read.
export const migration004 = {
  version: 4,
  name: 'approval-gates',
  sql: /* sql */ `
ALTER TABLE tasks ADD COLUMN requires_approval INTEGER NOT NULL DEFAULT 0
  CHECK (requires_approval IN (0, 1));
ALTER TABLE projects ADD COLUMN requires_approval INTEGER NOT NULL DEFAULT 0
  CHECK (requires_approval IN (0, 1));

-- what waits for a person, across every project, without scanning the tasks
CREATE INDEX tasks_in_review ON tasks (id) WHERE status = 'review';

CREATE TABLE clarifications (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX clarifications_by_task ON clarifications (task_id, id);
`,
};
