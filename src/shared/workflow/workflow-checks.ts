// The rules that tie a workflow's steps together: unique ids, dependencies on steps that exist,
// no cycles. One function serves the Markdown parser (which names lines) and the JSON schema
// (which names paths), so both refuse the same documents with the same words.
import { describeCycle, findStepCycles, type StepLinks } from './step-cycles.ts';

export interface WorkflowProblem {
  /** Index of the step the problem is on. */
  step: number;
  field: 'id' | 'depends_on';
  /** Index in depends_on, for problems with one dependency. */
  entry?: number;
  message: string;
}

/** Says where step `index` is: "line 12" in Markdown, "steps[2]" in JSON. */
export type StepLocator = (index: number) => string;

/** The closest id to a mistyped one: same letters in another case, or one or two typos away. */
function closest(wanted: string, ids: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  const sameCase = ids.find((id) => id.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  // a typo or two in a long id; in a one- or two-letter id, one changed letter is another id
  const allowed = wanted.length >= 5 ? 2 : wanted.length >= 3 ? 1 : 0;
  if (allowed === 0) return undefined;
  return ids.find(
    (id) => Math.abs(id.length - wanted.length) <= allowed && typos(id, wanted) <= allowed,
  );
}

function typos(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[b.length]!;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 20).join(', ');
  return ids.length > 20 ? `${shown} and ${ids.length - 20} more` : shown;
}

function duplicateIds(steps: readonly StepLinks[], where: StepLocator): WorkflowProblem[] {
  const first = new Map<string, number>();
  const problems: WorkflowProblem[] = [];
  steps.forEach((step, index) => {
    const earlier = first.get(step.id);
    if (earlier === undefined) first.set(step.id, index);
    else
      problems.push({
        step: index,
        field: 'id',
        message: `step id "${step.id}" is already used by the step at ${where(earlier)}; give each step its own id`,
      });
  });
  return problems;
}

function unknownDependencies(steps: readonly StepLinks[]): WorkflowProblem[] {
  const ids = steps.map((step) => step.id);
  const known = new Set(ids);
  const problems: WorkflowProblem[] = [];
  steps.forEach((step, index) => {
    step.depends_on.forEach((dependency, entry) => {
      if (known.has(dependency)) return;
      const guess = closest(dependency, ids);
      const fix =
        guess !== undefined ? `did you mean "${guess}"?` : `the step ids are ${listIds(ids)}`;
      problems.push({
        step: index,
        field: 'depends_on',
        entry,
        message: `step "${step.id}" depends on "${dependency}", but no step has that id; ${fix}`,
      });
    });
  });
  return problems;
}

function cycles(steps: readonly StepLinks[]): WorkflowProblem[] {
  // the first step with an id is the one its dependents mean; a later one is a duplicate
  const indexOf = new Map<string, number>();
  steps.forEach((step, index) => {
    if (!indexOf.has(step.id)) indexOf.set(step.id, index);
  });
  return findStepCycles(steps).map((cycle) => {
    const step = indexOf.get(cycle[0]!)!;
    const message =
      cycle.length === 2
        ? `step "${cycle[0]}" depends on itself; remove "${cycle[0]}" from its dependencies`
        : `the steps wait on each other in a cycle, so none of them could start: ${describeCycle(cycle)}; remove one of these dependencies`;
    return {
      step,
      field: 'depends_on',
      entry: steps[step]!.depends_on.indexOf(cycle[1]!),
      message,
    };
  });
}

/** Every problem with the links between steps, in the order of the steps they are on. */
export function workflowProblems(
  steps: readonly StepLinks[],
  where: StepLocator,
): WorkflowProblem[] {
  return [...duplicateIds(steps, where), ...unknownDependencies(steps), ...cycles(steps)].sort(
    (a, b) => a.step - b.step,
  );
}
