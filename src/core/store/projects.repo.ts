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

export function createProjectsRepo(db: Db) {
  const byId = db.prepare<[number], Project>(
    'SELECT id, name, description, root_path, created_at, updated_at FROM projects WHERE id = ?',
  );
  const byName = db.prepare<[string], Project>(
    'SELECT id, name, description, root_path, created_at, updated_at FROM projects WHERE name = ? COLLATE NOCASE',
  );
  const insert = db.prepare<NewProject>(
    'INSERT INTO projects (name, description, root_path, created_at, updated_at) VALUES (@name, @description, @root_path, @created_at, @updated_at)',
  );
  const all = db.prepare<[], Project & { task_count: number }>(
    `SELECT p.id, p.name, p.description, p.root_path, p.created_at, p.updated_at,
            (SELECT count(*) FROM tasks t WHERE t.project_id = p.id) AS task_count
     FROM projects p ORDER BY p.id`,
  );
  const names = db.prepare<[], { name: string }>('SELECT name FROM projects ORDER BY id LIMIT 20');

  return {
    get: (id: number): Project | undefined => byId.get(id),
    findByName: (name: string): Project | undefined => byName.get(name),
    insert: (project: NewProject): number => Number(insert.run(project).lastInsertRowid),
    listWithCounts: () => all.all(),
    someNames: (): string[] => names.all().map((row) => row.name),
  };
}
