// SQL for projects.
import type { Project } from '../../shared/operations/projects.ops.ts';
import type { Db } from './database.ts';

export interface NewProject {
  name: string;
  description: string;
  root_path: string | null;
  created_at: string;
  updated_at: string;
}

export type ProjectsRepo = ReturnType<typeof createProjectsRepo>;

const COLUMNS = 'id, name, description, root_path, requires_approval, created_at, updated_at';

type ProjectRow = Omit<Project, 'requires_approval'> & { requires_approval: number };

/** SQLite keeps the approval flag as 0/1. */
function toProject<R extends ProjectRow>(row: R): Omit<R, 'requires_approval'> & Project {
  return { ...row, requires_approval: row.requires_approval === 1 };
}

function maybeProject(row: ProjectRow | undefined): Project | undefined {
  return row && toProject(row);
}

export function createProjectsRepo(db: Db) {
  const byId = db.prepare<[number], ProjectRow>(`SELECT ${COLUMNS} FROM projects WHERE id = ?`);
  const byName = db.prepare<[string], ProjectRow>(
    `SELECT ${COLUMNS} FROM projects WHERE name = ? COLLATE NOCASE`,
  );
  const byRoot = db.prepare<[string], ProjectRow>(
    `SELECT ${COLUMNS} FROM projects WHERE root_path = ?`,
  );
  const bound = db.prepare<[], ProjectRow>(
    `SELECT ${COLUMNS} FROM projects WHERE root_path IS NOT NULL ORDER BY length(root_path) DESC`,
  );
  const insert = db.prepare<NewProject>(
    'INSERT INTO projects (name, description, root_path, created_at, updated_at) VALUES (@name, @description, @root_path, @created_at, @updated_at)',
  );
  const update = db.prepare<ProjectRow>(
    'UPDATE projects SET name = @name, description = @description, root_path = @root_path, requires_approval = @requires_approval, updated_at = @updated_at WHERE id = @id',
  );
  const all = db.prepare<[], ProjectRow & { task_count: number }>(
    `SELECT p.id, p.name, p.description, p.root_path, p.requires_approval, p.created_at, p.updated_at,
            coalesce((SELECT sum(count) FROM task_counts c WHERE c.project_id = p.id), 0) AS task_count
     FROM projects p ORDER BY p.id`,
  );
  const names = db.prepare<[], { name: string }>('SELECT name FROM projects ORDER BY id LIMIT 20');

  return {
    get: (id: number): Project | undefined => maybeProject(byId.get(id)),
    findByName: (name: string): Project | undefined => maybeProject(byName.get(name)),
    findByRoot: (root: string): Project | undefined => maybeProject(byRoot.get(root)),
    /** Projects bound to a folder, deepest folder first. */
    bound: (): Project[] => bound.all().map(toProject),
    insert: (project: NewProject): number => Number(insert.run(project).lastInsertRowid),
    update: (project: Project): void =>
      void update.run({ ...project, requires_approval: project.requires_approval ? 1 : 0 }),
    listWithCounts: () => all.all().map(toProject),
    someNames: (): string[] => names.all().map((row) => row.name),
  };
}
