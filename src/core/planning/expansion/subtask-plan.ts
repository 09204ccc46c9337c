// Submitted subtasks as a flat plan: each with its position ("2.1"), its parent's position, and
// its dependencies resolved to new positions or existing task ids. Refuses references to
// nothing and loops among the new subtasks before anything is written, naming the positions.
import { AppError } from '../../../shared/errors.ts';
import type { SubtaskSpec } from '../../../shared/operations/expansion.ops.ts';

export interface PlannedSubtask {
  path: string;
  parentPath: string | null;
  spec: SubtaskSpec;
  /** Positions of new subtasks it depends on. */
  newDependencies: string[];
  /** Ids of existing tasks it depends on. */
  existingDependencies: number[];
}

export interface SubtaskPlan {
  /** In pre-order: every parent before its subtasks. */
  items: PlannedSubtask[];
  warnings: string[];
}

function flatten(specs: readonly SubtaskSpec[], parent: string | null): PlannedSubtask[] {
  return specs.flatMap((spec, index) => {
    const path = parent === null ? String(index + 1) : `${parent}.${index + 1}`;
    const item = { path, parentPath: parent, spec, newDependencies: [], existingDependencies: [] };
    return [item, ...flatten(spec.subtasks ?? [], path)];
  });
}

const isWithin = (path: string, ancestor: string) => path.startsWith(`${ancestor}.`);

function refError(item: PlannedSubtask, ref: number | string, why: string): AppError {
  return new AppError(
    'VALIDATION',
    `Subtask ${item.path} "${item.spec.title}" depends on ${JSON.stringify(ref)}: ${why}. Nothing was created.`,
    { path: item.path, dependency: ref },
  );
}

/** Sorts one reference into the item's new or existing dependencies, or refuses it. */
function resolve(
  item: PlannedSubtask,
  ref: number | string,
  paths: ReadonlySet<string>,
  warnings: string[],
) {
  const text = String(ref).trim();
  const existing = /^#(\d{1,15})$/.exec(text);
  if (existing) {
    item.existingDependencies.push(Number(existing[1]));
    return;
  }
  if (!/^\d{1,6}(\.\d{1,6})*$/.test(text)) {
    throw refError(
      item,
      ref,
      'write a new subtask\'s position ("1", "2.1") or an existing task as "#42"',
    );
  }
  if (!paths.has(text)) {
    const top = [...paths].filter((path) => !path.includes('.')).length;
    const hint =
      typeof ref === 'number' ? `; to depend on existing task ${ref}, write "#${ref}"` : '';
    throw refError(
      item,
      ref,
      `there is no new subtask at that position (1..${top} at the top level)${hint}`,
    );
  }
  if (text === item.path) {
    throw new AppError(
      'CYCLE',
      `Subtask ${item.path} "${item.spec.title}" depends on itself; remove that dependency. Nothing was created.`,
      { path: item.path },
    );
  }
  if (isWithin(item.path, text)) {
    throw new AppError(
      'CYCLE',
      `Subtask ${item.path} "${item.spec.title}" depends on ${text}, which contains it: a task waits for its subtasks, so neither could ever finish. Remove that dependency. Nothing was created.`,
      { path: item.path, dependency: text },
    );
  }
  if (isWithin(text, item.path)) {
    warnings.push(
      `Subtask ${item.path} already waits for its own subtask ${text}; that dependency was left out.`,
    );
    return;
  }
  if (!item.newDependencies.includes(text)) item.newDependencies.push(text);
}

/** A loop among the new subtasks (a task waits for its dependencies and its subtasks), or null. */
function findLoop(items: readonly PlannedSubtask[]): string[] | null {
  const waitsFor = new Map(items.map((item) => [item.path, [...item.newDependencies]]));
  for (const item of items) if (item.parentPath) waitsFor.get(item.parentPath)!.push(item.path);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (path: string): string[] | null => {
    if (state.get(path) === 'done') return null;
    if (state.get(path) === 'open') return [...stack.slice(stack.indexOf(path)), path];
    state.set(path, 'open');
    stack.push(path);
    for (const next of waitsFor.get(path)!) {
      const loop = visit(next);
      if (loop) return loop;
    }
    stack.pop();
    state.set(path, 'done');
    return null;
  };
  for (const item of items) {
    const loop = visit(item.path);
    if (loop) return loop;
  }
  return null;
}

function loopError(loop: readonly string[], items: readonly PlannedSubtask[]): AppError {
  const byPath = new Map(items.map((item) => [item.path, item]));
  const steps = loop.slice(0, -1).map((from, index) => {
    const to = loop[index + 1]!;
    const relation = byPath.get(to)!.parentPath === from ? 'contains' : 'depends on';
    return `${from} "${byPath.get(from)!.spec.title}" ${relation} ${to}`;
  });
  return new AppError(
    'CYCLE',
    `The subtasks' dependencies form a loop: ${steps.join(', ')}. None of them could ever start; remove one of these dependencies. Nothing was created.`,
    { cycle: [...loop] },
  );
}

/** The plan of `specs`: positions, resolved references, no loops among the new subtasks. */
export function planSubtasks(specs: readonly SubtaskSpec[]): SubtaskPlan {
  const items = flatten(specs, null);
  const paths = new Set(items.map((item) => item.path));
  const warnings: string[] = [];
  for (const item of items)
    for (const ref of item.spec.dependencies) resolve(item, ref, paths, warnings);
  const loop = findLoop(items);
  if (loop) throw loopError(loop, items);
  return { items, warnings };
}
