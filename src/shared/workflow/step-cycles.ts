// Dependency cycles among a workflow's steps, named by step id, so that an error can say which
// steps wait on each other. The task graph's own checks work on stored numeric ids; steps exist
// only in a document, before any task does.

export interface StepLinks {
  id: string;
  depends_on: readonly string[];
}

/**
 * Each distinct cycle once, as [a, b, …, a] where each step depends on the next; a step that
 * depends on itself is [a, a]. Dependencies on unknown ids are ignored (reported elsewhere).
 */
export function findStepCycles(steps: readonly StepLinks[]): string[][] {
  const links = new Map<string, readonly string[]>();
  for (const step of steps) if (!links.has(step.id)) links.set(step.id, step.depends_on);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, 'open');
    path.push(id);
    for (const next of links.get(id) ?? []) {
      if (!links.has(next)) continue;
      const mark = state.get(next);
      if (mark === 'open') {
        const cycle = [...path.slice(path.lastIndexOf(next)), next];
        const key = [...new Set(cycle)].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (mark === undefined) visit(next);
    }
    path.pop();
    state.set(id, 'done');
  };
  // a workflow has at most a few hundred steps, so the recursion stays shallow
  for (const id of links.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

/** "a depends on b, b on c, and c on a"; "a depends on itself". */
export function describeCycle(cycle: readonly string[]): string {
  if (cycle.length === 2) return `"${cycle[0]}" depends on itself`;
  const pairs = cycle.slice(0, -1).map((id, index) => [id, cycle[index + 1]!] as const);
  const [first, ...rest] = pairs;
  const tail = rest.map(([from, to]) => `"${from}" on "${to}"`);
  const last = tail.pop()!;
  const middle = tail.length > 0 ? `, ${tail.join(', ')},` : '';
  return `"${first![0]}" depends on "${first![1]}"${middle} and ${last}`;
}
