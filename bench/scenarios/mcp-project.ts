// The project the MCP bench works on: the bench's generated 5,000-task project, with enough
// tasks made ready that every timed claim_next_task takes a fresh task and no untimed write has
// to run between claims. Imported once; every transport gets its own copy of the file, so each
// starts from the same ready set.
import { copyFileSync, existsSync } from 'node:fs';
import { Orchestrator } from '../../src/core/orchestrator.ts';
import { generateProject } from '../generate-project.ts';
import { progress } from './bench-context.ts';

export interface McpProject {
  databasePath: string;
  projectId: number;
  taskCount: number;
  /** Ready tasks when a copy is opened. */
  readyCount: number;
  /** Blocked tasks whose prerequisites were dropped to reach readyCount. */
  unblocked: number;
}

/**
 * The generated project, with the prerequisites of the lowest-numbered blocked tasks dropped
 * until `ready` tasks are ready (each drop makes exactly one more task ready: readiness only
 * depends on whether prerequisites are completed).
 */
export async function buildMcpProject(
  databasePath: string,
  size: number,
  ready: number,
): Promise<McpProject> {
  progress(`MCP: generating and importing a ${size.toLocaleString('en')}-task project`);
  const { document } = generateProject(size);
  const status = new Map(document.tasks.map((task) => [task.id, task.status]));
  const isReady = (task: (typeof document.tasks)[number]) =>
    task.status === 'pending' && task.dependencies.every((id) => status.get(id) === 'completed');
  let readyCount = document.tasks.filter(isReady).length;
  let unblocked = 0;
  for (const task of document.tasks) {
    if (readyCount >= ready) break;
    if (task.status !== 'pending' || isReady(task)) continue;
    task.dependencies = [];
    readyCount++;
    unblocked++;
  }
  const core = new Orchestrator({ databasePath, watchIntervalMs: false });
  try {
    const { project } = await core.call('import_project', { document }, { actor: 'bench' });
    await core.call('use_project', { project_id: project.id }, { actor: 'bench' });
    const { count } = await core.call('list_tasks', { ready: true, limit: 1, fields: 'compact' });
    return { databasePath, projectId: project.id, taskCount: size, readyCount: count, unblocked };
  } finally {
    core.dispose();
  }
}

/** A fresh copy of the (closed, checkpointed) project file for one transport's run. */
export function copyProject(project: McpProject, to: string): string {
  copyFileSync(project.databasePath, to);
  if (existsSync(`${project.databasePath}-wal`))
    copyFileSync(`${project.databasePath}-wal`, `${to}-wal`);
  return to;
}
