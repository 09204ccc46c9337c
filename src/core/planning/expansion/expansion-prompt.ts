// What a planner (the calling agent or a model) is asked: the task with its criteria and
// neighbours, the rules of a good breakdown, and the JSON shape of the answer. The same text
// goes to the agent and to the providers, so their answers are read the same way.
import type { OperationArgs } from '../../../shared/operations/registry.ts';
import { priorityLabel } from '../../../shared/tasks/task-fields.ts';
import type { Task, TaskRef } from '../../../shared/tasks/task.schema.ts';
import type { Store } from '../../store/store.ts';
import { toTask } from '../../tasks/task-view.ts';

/** Neighbours listed at most per kind: enough to place the task, small enough for a prompt. */
const NEIGHBOURS = 15;

export interface ExpansionBrief {
  task: Task;
  parent: TaskRef | null;
  dependencies: TaskRef[];
  dependents: TaskRef[];
  subtasks: TaskRef[];
}

export type ExpandOptions = OperationArgs<'expand_task'>;

export function readBrief(store: Store, taskId: number): ExpansionBrief {
  return store.read(() => {
    const task = toTask(store, store.tasks.get(taskId)!);
    return {
      task,
      parent: task.parent_id === null ? null : (store.tasks.refs([task.parent_id])[0] ?? null),
      dependencies: store.tasks.refs(task.dependencies.slice(0, NEIGHBOURS)),
      dependents: store.tasks.refs(store.dependencies.dependentsOf(task.id).slice(0, NEIGHBOURS)),
      subtasks: store.tasks.subtaskRefs(task.id).slice(0, NEIGHBOURS),
    };
  });
}

const refLine = (ref: TaskRef) => `- #${ref.id} ${ref.title} (${ref.status})`;

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`${title}:`, ...lines, ''];
}

function describeTask(brief: ExpansionBrief): string[] {
  const { task } = brief;
  return [
    `Task #${task.id}: ${task.title}`,
    `Priority: ${priorityLabel(task.priority)}; status: ${task.status}${task.tags.length ? `; tags: ${task.tags.join(', ')}` : ''}`,
    '',
    ...section('Description', task.description ? [task.description] : []),
    ...section('Details', task.details ? [task.details] : []),
    ...section('Test strategy', task.test_strategy ? [task.test_strategy] : []),
    ...section(
      'Acceptance criteria',
      task.acceptance_criteria.map((c, i) => `${i + 1}. ${c.text}${c.done ? ' (done)' : ''}`),
    ),
    ...section(
      'Files',
      task.file_refs.map((ref) => `- ${ref.path}`),
    ),
    ...section('Part of', brief.parent ? [refLine(brief.parent)] : []),
    ...section('It depends on', brief.dependencies.map(refLine)),
    ...section('Tasks waiting for it', brief.dependents.map(refLine)),
    ...section('Subtasks it already has (do not repeat them)', brief.subtasks.map(refLine)),
  ];
}

function rules(options: ExpandOptions): string[] {
  const count = options.num_subtasks
    ? `about ${options.num_subtasks} top-level subtasks`
    : '3 to 7 top-level subtasks';
  const depth =
    options.depth === 1
      ? 'Do not nest subtasks.'
      : `Nest subtasks at most ${options.depth} levels deep, only where a step is itself several steps.`;
  return [
    'Rules:',
    `- Write ${count}, each a concrete piece of work one person can finish and check in a session. ${depth}`,
    ...(options.include_implementation
      ? [
          "- Cover the implementation: every acceptance criterion is handled by some subtask; copy it into that subtask's acceptance_criteria.",
        ]
      : ['- Do not write implementation subtasks.']),
    ...(options.include_tests
      ? ['- Include a subtask that tests the work (with a test_strategy).']
      : []),
    ...(options.include_documentation ? ['- Include a subtask that documents the change.'] : []),
    '- dependencies name what must be finished first: a new subtask by its position ("1", "2", or "2.1" for the first subtask of subtask 2), or an existing task as "#42". Never the task being expanded, never a loop.',
    "- priority is one of low, medium, high, critical, urgent (default: the task's).",
    ...(options.context ? ['', 'Additional instructions:', options.context] : []),
  ];
}

const ANSWER_SHAPE =
  '{"subtasks": [{"title": "...", "description": "...", "details": "...", "test_strategy": "...", "priority": "medium", "acceptance_criteria": ["..."], "dependencies": ["1"], "subtasks": []}]}';

/** The instructions and task text a planner is given. */
export function buildPrompt(brief: ExpansionBrief, options: ExpandOptions) {
  const system =
    'You plan software work. You break a task into subtasks and answer with JSON only, no prose, in exactly the shape asked.';
  const user = [
    `Break the following task into subtasks.`,
    '',
    ...describeTask(brief),
    ...rules(options),
    '',
    `Answer with one JSON object: ${ANSWER_SHAPE}`,
  ].join('\n');
  return { system, user };
}

function levelSchema(levels: number): Record<string, unknown> {
  const text = { type: 'string' };
  const properties: Record<string, unknown> = {
    title: { type: 'string', minLength: 1, maxLength: 500 },
    description: text,
    details: text,
    test_strategy: text,
    priority: { type: 'string', enum: ['low', 'medium', 'high', 'critical', 'urgent'] },
    acceptance_criteria: { type: 'array', items: text },
    dependencies: {
      type: 'array',
      items: text,
      description: 'Positions of new subtasks ("1", "2.1") or existing tasks ("#42")',
    },
  };
  if (levels > 1) properties['subtasks'] = { type: 'array', items: levelSchema(levels - 1) };
  return {
    type: 'object',
    properties,
    required: ['title', 'description', 'dependencies'],
    additionalProperties: false,
  };
}

/** JSON schema of the answer, nested `depth` levels (no recursion: every model reads it). */
export function answerSchema(depth: number): Record<string, unknown> {
  return {
    type: 'object',
    properties: { subtasks: { type: 'array', items: levelSchema(depth), minItems: 1 } },
    required: ['subtasks'],
    additionalProperties: false,
  };
}
