// A seeded stream of the changes people and agents make to a project: creates (some subtasks),
// title and priority edits, status moves (start, complete, reopen, fail, retry, cancel),
// dependency adds and removes, deletes (refused, cascading, relinking), and a few changes to
// another project. Refused attempts (illegal moves, cycles) are counted, not fatal.
import { Prng } from '../../bench/prng.ts';
import type { Orchestrator } from '../../src/core/orchestrator.ts';
import { AppError } from '../../src/shared/errors.ts';
import type { TaskStatus } from '../../src/shared/tasks/task-fields.ts';

export interface MixedChangeOptions {
  projectId: number;
  /** A project whose changes the page must ignore. */
  otherProjectId: number;
  /** Successful writes to make. */
  changes: number;
  seed: number;
  actor: string;
}

export interface MixedChangeSummary {
  changes: number;
  refused: number;
  byKind: Record<string, number>;
}

/** Moves by the name people use for them: the status, and the statuses it is usually made from. */
const MOVES: readonly [string, TaskStatus, TaskStatus[]][] = [
  ['start', 'in_progress', ['pending', 'blocked']],
  ['complete', 'completed', ['in_progress', 'review']],
  ['complete', 'completed', ['pending']],
  ['reopen', 'pending', ['completed', 'cancelled']],
  ['fail', 'failed', ['in_progress', 'needs_input', 'review']],
  ['retry', 'in_progress', ['failed']],
  ['review', 'review', ['in_progress']],
  ['cancel', 'cancelled', ['pending', 'blocked', 'in_progress']],
];

/** One kind of change; `n` numbers the change, for titles. Returns the kind made. */
type Step = (n: number) => Promise<string>;

/** A write that changed nothing (same value, edge already there) is no change: try another. */
function changed<T extends { message: string }>(result: T): T {
  if (/nothing changed/.test(result.message)) throw new AppError('CONFLICT', result.message);
  return result;
}

export async function makeMixedChanges(
  orchestrator: Orchestrator,
  options: MixedChangeOptions,
): Promise<MixedChangeSummary> {
  const context = { actor: options.actor };
  const call = orchestrator.call.bind(orchestrator);
  const random = new Prng(options.seed);
  const listed = await call(
    'list_tasks',
    { project_id: options.projectId, limit: 500, fields: 'compact' },
    context,
  );
  const ids = listed.tasks.map((task) => task.id);
  const statusOf = new Map(listed.tasks.map((task) => [task.id, task.status]));
  const pick = () => random.pick(ids);
  /** A task in one of these statuses when there is one, else any (whose move may be refused). */
  const pickIn = (statuses: readonly TaskStatus[]) => {
    const matching = ids.filter((id) => statuses.includes(statusOf.get(id)!));
    return matching.length > 0 ? random.pick(matching) : pick();
  };

  const create: Step = async (n) => {
    const parent = random.next() < 0.1 && ids.length > 0 ? pick() : undefined;
    const dependencies =
      ids.length > 2 ? random.distinctInts(random.int(0, 2), 0, ids.length - 1) : [];
    const { task } = await call(
      'create_task',
      {
        project_id: options.projectId,
        title: `Created by the other process, change ${n}`,
        priority: random.int(0, 4),
        dependencies: dependencies.map((index) => ids[index]!),
        ...(parent === undefined ? {} : { parent_id: parent }),
      },
      context,
    );
    ids.push(task.id);
    statusOf.set(task.id, task.status);
    return parent === undefined ? 'create' : 'create subtask';
  };
  const rename: Step = async (n) => {
    changed(
      await call('update_task', { task_id: pick(), title: `Renamed in change ${n}` }, context),
    );
    return 'update title';
  };
  const reprioritise: Step = async () => {
    changed(await call('update_task', { task_id: pick(), priority: random.int(0, 4) }, context));
    return 'update priority';
  };
  const move: Step = async () => {
    const [name, status, from] = random.pick(MOVES);
    const { task } = changed(
      await call('update_task_status', { task_id: pickIn(from), status }, context),
    );
    statusOf.set(task.id, task.status);
    return `status ${name}`;
  };
  const depend: Step = async () => {
    changed(await call('add_dependency', { task_id: pick(), depends_on: pick() }, context));
    return 'add dependency';
  };
  const undepend: Step = async () => {
    const { task } = await call('get_task', { task_id: pick() }, context);
    if (task.dependencies.length === 0) throw new AppError('NOT_FOUND', 'no dependency to remove');
    const dependsOn = random.pick(task.dependencies);
    await call('remove_dependency', { task_id: task.id, depends_on: dependsOn }, context);
    return 'remove dependency';
  };
  const remove: Step = async () => {
    const onDependents = random.pick(['relink', 'relink', 'cascade', 'refuse'] as const);
    const { deleted } = await call(
      'delete_task',
      { task_id: pick(), on_dependents: onDependents },
      context,
    );
    for (const gone of deleted) {
      ids.splice(ids.indexOf(gone.id), 1);
      statusOf.delete(gone.id);
    }
    return `delete (${onDependents})`;
  };
  const elsewhere: Step = async (n) => {
    await call(
      'create_task',
      { project_id: options.otherProjectId, title: `Elsewhere ${n}` },
      context,
    );
    return 'other project';
  };
  const steps: [number, Step][] = [
    [15, create],
    [12, rename],
    [8, reprioritise],
    [35, move],
    [12, depend],
    [8, undepend],
    [6, remove],
    [2, elsewhere],
  ];
  const total = steps.reduce((sum, [weight]) => sum + weight, 0);
  const choose = (): Step => {
    if (ids.length < 20) return create;
    let roll = random.next() * total;
    for (const [weight, step] of steps) if ((roll -= weight) < 0) return step;
    return create;
  };

  const summary: MixedChangeSummary = { changes: 0, refused: 0, byKind: {} };
  while (summary.changes < options.changes) {
    try {
      const kind = await choose()(summary.changes + 1);
      summary.changes++;
      summary.byKind[kind] = (summary.byKind[kind] ?? 0) + 1;
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
      summary.refused++;
      if (summary.refused > options.changes * 10)
        throw new Error('Too many refused changes; the last refusal is the cause.', {
          cause: error,
        });
    }
  }
  return summary;
}
