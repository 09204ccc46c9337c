// The project the graph-view bench opens: `size` tasks in layers, as a plan of phases reads (each
// task waits on one or two tasks of the phase before, near its own place, and sometimes on one two
// phases back), imported into a fresh database file by an Orchestrator, with no saved positions so
// the page lays it out on first open. The other fields come from the bench's generated project.
import { Orchestrator } from '../../src/core/orchestrator.ts';
import type { DocumentTask } from '../../src/shared/operations/transfer.ops.ts';
import { generateProject } from '../generate-project.ts';
import { Prng } from '../prng.ts';

export interface UiProject {
  name: string;
  layers: number;
  edges: number;
}

/** About sqrt(size)/2 phases: 11 of ~45 tasks for 500, 22 of ~90 for 2,000. */
function layerCount(size: number): number {
  return Math.max(4, Math.round(Math.sqrt(size) / 2));
}

/** Prerequisites of task `id` (1-based) in a plan of `layers` phases of `width` tasks. */
function layeredDependencies(rng: Prng, id: number, width: number): number[] {
  const layer = Math.floor((id - 1) / width);
  if (layer === 0) return [];
  const place = (id - 1) % width;
  const near = (back: number) => {
    const start = (layer - back) * width;
    const spread = Math.max(2, Math.round(width / 20));
    const column = Math.min(width - 1, Math.max(0, place + rng.int(-spread, spread)));
    return start + column + 1;
  };
  const prerequisites = new Set<number>([near(1)]);
  if (rng.next() < 0.5) prerequisites.add(near(1));
  if (layer >= 2 && rng.next() < 0.15) prerequisites.add(near(2));
  return [...prerequisites].sort((a, b) => a - b);
}

/** Pending tasks, except some of the first two phases whose prerequisites are all done. */
function withStatus(task: DocumentTask, done: boolean): DocumentTask {
  if (!done) {
    const pending = { ...task, status: 'pending' as const, progress: 0, version: 1 };
    return { ...pending, started_at: null, completed_at: null };
  }
  const criteria = task.acceptance_criteria.map((criterion) => ({ ...criterion, done: true }));
  return {
    ...task,
    status: 'completed' as const,
    progress: 100,
    version: 2,
    acceptance_criteria: criteria,
    started_at: task.created_at,
    completed_at: task.created_at,
  };
}

export async function seedUiProject(databasePath: string, size: number): Promise<UiProject> {
  const generated = generateProject(size);
  const rng = new Prng(0x5eed ^ size);
  const layers = layerCount(size);
  const width = Math.ceil(size / layers);
  const completed = new Set<number>();
  let edges = 0;
  const tasks = generated.document.tasks.map((task) => {
    const dependencies = layeredDependencies(rng, task.id, width);
    edges += dependencies.length;
    const early = Math.floor((task.id - 1) / width) < 2;
    const done = early && dependencies.every((id) => completed.has(id)) && rng.next() < 0.7;
    if (done) completed.add(task.id);
    return withStatus({ ...task, dependencies }, done);
  });
  const name = `ui-bench-${size}`;
  const document = {
    ...generated.document,
    project: { ...generated.document.project, name },
    tasks,
  };
  const orchestrator = new Orchestrator({ databasePath, watchIntervalMs: false });
  try {
    await orchestrator.call('import_project', { document }, { actor: 'bench' });
  } finally {
    orchestrator.dispose();
  }
  return { name, layers, edges };
}
