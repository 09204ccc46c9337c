// The expansion that always works: subtasks derived by rule from the task itself, the same ones
// for the same task. One implementation subtask per open acceptance criterion (consecutive ones
// grouped when there are more than asked for), else per bullet of its description or details,
// else one; then a test subtask and a documentation subtask that wait for them. Subtasks it
// already has with the same title are not made again: running it twice adds nothing.
import type { SubtaskSpec } from '../../../shared/operations/expansion.ops.ts';
import type { ExpandOptions, ExpansionBrief } from './expansion-prompt.ts';

/** Implementation subtasks made at most when no num_subtasks is given: a plan a person can read. */
const DEFAULT_IMPLEMENTATION = 8;
const TITLE_TEXT = 120;

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Bullet and numbered lines of a text: the steps a description already lists. */
function bullets(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.+)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => Boolean(line));
}

/** `items` in at most `count` consecutive groups of near-equal size, in order. */
function groups<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, count));
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

function implementation(brief: ExpansionBrief, limit: number): SubtaskSpec[] {
  const { task } = brief;
  const open = task.acceptance_criteria.filter((c) => !c.done).map((c) => c.text);
  const fromCriteria = open.length > 0;
  const items = fromCriteria ? open : bullets(`${task.description}\n${task.details}`);
  if (items.length === 0) {
    return [
      {
        title: shorten(`Implement ${task.title}`, 500),
        description: `Do the work task #${task.id} describes.`,
        dependencies: [],
      },
    ];
  }
  return groups(items, limit).map((group) => {
    const title =
      group.length === 1
        ? `Implement: ${shorten(group[0]!, TITLE_TEXT)}`
        : `Implement: ${shorten(group[0]!, TITLE_TEXT)} (and ${group.length - 1} more)`;
    const what = fromCriteria ? 'these acceptance criteria' : 'these steps';
    return {
      title,
      description: `Make ${what} of #${task.id} "${shorten(task.title, TITLE_TEXT)}" hold:\n${group.map((text) => `- ${text}`).join('\n')}`,
      ...(fromCriteria
        ? { acceptance_criteria: group.map((text) => ({ text, done: false })) }
        : {}),
      dependencies: [],
    };
  });
}

function testing(brief: ExpansionBrief, after: string[]): SubtaskSpec {
  const { task } = brief;
  const criteria = task.acceptance_criteria.map((c) => c.text);
  return {
    title: `Test: ${shorten(task.title, TITLE_TEXT)}`,
    description: `Write and run tests that prove #${task.id} works${criteria.length ? ': one for each acceptance criterion' : ''}.`,
    test_strategy:
      task.test_strategy ||
      'A test per acceptance criterion, including its failure cases; the whole suite passes.',
    ...(criteria.length
      ? {
          acceptance_criteria: criteria.map((text) => ({
            text: shorten(`A test shows: ${text}`, 2000),
            done: false,
          })),
        }
      : {}),
    dependencies: after,
  };
}

function documentation(brief: ExpansionBrief, after: string[]): SubtaskSpec {
  const { task } = brief;
  return {
    title: `Document: ${shorten(task.title, TITLE_TEXT)}`,
    description: `Describe what #${task.id} changed for the people who use and maintain it: what it does, how to use it, and what it does not cover.`,
    dependencies: after,
  };
}

/** Leaves out subtasks the task already has by title; references to them point at the existing ones. */
function withoutExisting(brief: ExpansionBrief, specs: SubtaskSpec[]) {
  const existing = new Map(brief.subtasks.map((ref) => [ref.title.toLowerCase(), ref.id]));
  const kept: SubtaskSpec[] = [];
  const position = new Map<string, string>();
  specs.forEach((spec, index) => {
    const id = existing.get(spec.title.toLowerCase());
    if (id !== undefined) position.set(String(index + 1), `#${id}`);
    else {
      kept.push(spec);
      position.set(String(index + 1), String(kept.length));
    }
  });
  return {
    specs: kept.map((spec) => ({
      ...spec,
      dependencies: spec.dependencies.map((ref) => position.get(String(ref)) ?? ref),
    })),
    skipped: specs.length - kept.length,
  };
}

/** The offline subtasks of a task; empty when it already has all of them. */
export function offlineSubtasks(brief: ExpansionBrief, options: ExpandOptions) {
  const extras = Number(options.include_tests) + Number(options.include_documentation);
  const limit = options.num_subtasks
    ? Math.max(1, options.num_subtasks - extras)
    : DEFAULT_IMPLEMENTATION;
  const built = options.include_implementation ? implementation(brief, limit) : [];
  const after = built.map((_, index) => String(index + 1));
  if (options.include_tests) built.push(testing(brief, after));
  if (options.include_documentation) built.push(documentation(brief, after));
  return withoutExisting(brief, built);
}
