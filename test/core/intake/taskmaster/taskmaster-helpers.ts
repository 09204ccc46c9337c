// Task Master files for tests and the bench: the shared fixtures, small files built from task
// objects, a generated file of any size, and where a task lands (ids follow the file's order).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real-world fixtures, copied from the workplace's shared data into test/fixtures. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));
export const TASKMASTER_FIXTURE = `${FIXTURES}/taskmaster/claude-task-master.tasks.json`;

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}

export interface FileTask {
  id: number | string;
  title?: string;
  status?: string;
  dependencies?: (number | string)[] | null;
  subtasks?: (FileSubtask | string)[];
  [field: string]: unknown;
}

export interface FileSubtask {
  id?: number | string;
  title?: string;
  status?: string;
  dependencies?: (number | string)[] | null;
  [field: string]: unknown;
}

/** A task with Task Master's usual fields; `extra` overrides or adds. */
export function task(id: number | string, extra: Partial<FileTask> = {}): FileTask {
  return {
    id,
    title: `Task ${id}`,
    description: `About ${id}`,
    details: `Details of ${id}`,
    testStrategy: `Test ${id}`,
    status: 'pending',
    priority: 'medium',
    dependencies: [],
    subtasks: [],
    ...extra,
  };
}

export const flat = (tasks: FileTask[]) => JSON.stringify({ tasks });

export const tagged = (tags: Record<string, FileTask[]>) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(tags).map(([name, tasks]) => [
        name,
        { tasks, metadata: { created: '2025-01-01T00:00:00.000Z', description: name } },
      ]),
    ),
  );

/**
 * The position of a task ("7") or subtask ("7.2") among the tasks of one tag, counting parents
 * before their subtasks: its new id is the tag's first id plus this.
 */
export function positionOf(tasks: readonly FileTask[], label: string): number {
  let position = 0;
  for (const parent of tasks) {
    if (String(parent.id) === label) return position;
    position++;
    for (const [index, sub] of (parent.subtasks ?? []).entries()) {
      const local = typeof sub === 'string' || sub.id === undefined ? index + 1 : sub.id;
      if (`${parent.id}.${local}` === label) return position;
      position++;
    }
  }
  throw new Error(`no task ${label} in the file`);
}

/**
 * `count` tasks in the flat layout, a third of them with three subtasks, each depending on up to
 * three earlier tasks (and subtasks on their previous sibling), statuses mixed: acyclic.
 */
export function generatedFile(count: number): string {
  const statuses = ['pending', 'done', 'in-progress', 'review', 'deferred', 'cancelled'];
  const tasks: FileTask[] = [];
  for (let id = 1; id <= count; id++) {
    const dependencies = [id - 1, id - 7, id - 50].filter((dep) => dep >= 1);
    const subtasks =
      id % 3 === 0
        ? [1, 2, 3].map((local) => ({
            id: local,
            title: `Step ${local} of ${id}`,
            description: 'A step',
            status: 'pending',
            dependencies: local > 1 ? [local - 1] : [],
          }))
        : [];
    tasks.push(
      task(id, {
        title: `Generated task ${id}`,
        details: `Implement part ${id}.\n`.repeat(5),
        status: statuses[id % statuses.length],
        priority: ['low', 'medium', 'high'][id % 3],
        dependencies,
        subtasks,
      }),
    );
  }
  return flat(tasks);
}
