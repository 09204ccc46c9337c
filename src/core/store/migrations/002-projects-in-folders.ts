// Schema 2: tags compare without regard to case ("UI" is the tag "ui"), a folder belongs to at
// most one project, and per-user preferences such as the current project.
export const migration002 = {
  version: 2,
  name: 'projects-in-folders',
  sql: /* sql */ `
CREATE TABLE task_tags_nocase (
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  tag TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  PRIMARY KEY (task_id, tag)
) STRICT, WITHOUT ROWID;

-- a task tagged both "UI" and "ui" keeps the first spelling
INSERT OR IGNORE INTO task_tags_nocase (task_id, tag, position)
SELECT task_id, tag, position FROM task_tags ORDER BY task_id, position;

DROP TABLE task_tags;
ALTER TABLE task_tags_nocase RENAME TO task_tags;
CREATE INDEX task_tags_by_tag ON task_tags (tag COLLATE NOCASE, task_id);

CREATE UNIQUE INDEX projects_by_root ON projects (root_path) WHERE root_path IS NOT NULL;

CREATE TABLE preferences (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`,
};
