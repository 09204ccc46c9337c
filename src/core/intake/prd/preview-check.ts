// A preview as import_prd receives it, possibly edited by a person or an agent, checked before
// anything is written: every id it references exists, ids are unique, and its dependencies form
// no cycle. The proposed tasks come back in an order that puts prerequisites first.
import { AppError } from '../../../shared/errors.ts';
import type { PrdPreview, ProposedTask } from '../../../shared/operations/prd.ops.ts';

/** Problems named in one error at most; the count says how many there were. */
const SHOWN = 10;

function refuse(problems: string[]): never {
  const shown = problems.slice(0, SHOWN).join('; ');
  const more = problems.length > SHOWN ? ` (and ${problems.length - SHOWN} more)` : '';
  throw new AppError(
    'VALIDATION',
    `The PRD preview is inconsistent: ${shown}${more}. Parse the PRD again, or fix these ids in the preview.`,
    { problems: problems.slice(0, 100) },
  );
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => seen.has(id) || !seen.add(id));
}

/** The tasks in prerequisite-first order, or the ids on a cycle. */
function order(tasks: readonly ProposedTask[]): { ordered: ProposedTask[]; cycle: string[] } {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const waiting = new Map(
    tasks.map((task) => [task.id, new Set(task.dependencies.map((d) => d.on))]),
  );
  const dependents = new Map<string, string[]>();
  for (const task of tasks)
    for (const { on } of task.dependencies)
      dependents.set(on, [...(dependents.get(on) ?? []), task.id]);
  const ready = tasks.filter((task) => waiting.get(task.id)!.size === 0).map((task) => task.id);
  const ordered: ProposedTask[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    ordered.push(byId.get(id)!);
    for (const next of dependents.get(id) ?? []) {
      const left = waiting.get(next)!;
      left.delete(id);
      if (left.size === 0) ready.push(next);
    }
  }
  const cycle = tasks.filter((task) => waiting.get(task.id)!.size > 0).map((task) => task.id);
  return { ordered, cycle };
}

export function checkPreview(
  preview: PrdPreview,
  keep: readonly string[] | undefined,
  edited: readonly string[],
): ProposedTask[] {
  const problems: string[] = [];
  const taskIds = new Set(preview.tasks.map((task) => task.id));
  const criterionIds = new Set(preview.acceptance_criteria.map((criterion) => criterion.id));
  for (const id of duplicates(preview.tasks.map((task) => task.id)))
    problems.push(`task id ${id} is used twice`);
  for (const id of duplicates(preview.acceptance_criteria.map((criterion) => criterion.id)))
    problems.push(`criterion id ${id} is used twice`);
  for (const task of preview.tasks) {
    for (const { on } of task.dependencies)
      if (!taskIds.has(on))
        problems.push(`${task.id} depends on ${on}, which is not a proposed task`);
      else if (on === task.id) problems.push(`${task.id} depends on itself`);
    for (const id of task.acceptance_criteria)
      if (!criterionIds.has(id))
        problems.push(`${task.id} lists criterion ${id}, which is not in the preview`);
  }
  for (const id of [...(keep ?? []), ...edited])
    if (!taskIds.has(id)) problems.push(`${id} is not a proposed task`);
  if (problems.length > 0) refuse(problems);
  const { ordered, cycle } = order(preview.tasks);
  if (cycle.length > 0)
    refuse([
      `the dependencies of ${cycle.slice(0, 20).join(', ')} form a cycle; remove one of them`,
    ]);
  return ordered;
}
