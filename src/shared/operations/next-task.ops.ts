// Choosing what to work on next: the best ready task, why it was chosen, and the runners-up.
// The selection parameters (seed 002's names) are shared with claim_next_task, which uses the
// same selection and leases the pick.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { PriorityInput, ProjectRef, TagInput } from '../tasks/task-inputs.ts';
import { CompactTaskSchema, TaskSchema } from '../tasks/task.schema.ts';
import { defineOperation, READ_ONLY } from './operation.ts';

// the field is named by the error's path, so the messages say only what it accepts
const Hours = () =>
  z
    .number({ error: 'must be a number of hours, e.g. 2.5' })
    .positive({ error: 'must be more than 0 hours, e.g. 2.5' })
    .max(10_000, { error: 'must be at most 10000 hours' });

const Complexity = () =>
  z.number({ error: 'must be a number 0..10' }).min(0, { error: 'must be 0..10' }).max(10, {
    error: 'must be 0..10',
  });

const Words = (example: string, item: z.ZodType<string>) =>
  z
    .array(item, { error: `must be a list, e.g. ["${example}"]` })
    .max(50, { error: 'takes at most 50 entries' });

const Language = lazy(() =>
  z
    .string()
    .trim()
    .min(1, { error: 'a language must not be empty, e.g. "typescript"' })
    .max(200, { error: 'a language must be at most 200 characters' }),
);

/** The selection criteria; every one optional. claim_next_task spreads these into its input. */
export const nextTaskCriteriaShape = () => ({
  project_id: ProjectRef().optional(),
  max_complexity: Complexity().optional().describe('Unscored tasks pass'),
  max_complexity_limit: Complexity().optional().describe('Alias of max_complexity'),
  preferred_task_types: Words('bug', TagInput())
    .optional()
    .describe('Tags to rank higher (tasks have no type)'),
  preferred_languages: Words('typescript', Language())
    .optional()
    .describe('code_language values to rank higher'),
  excluded_tags: Words('wip', TagInput()).optional(),
  required_tags: Words('api', TagInput()).optional().describe('A task must have all of them'),
  max_estimated_hours: Hours().optional().describe('Unestimated tasks pass'),
  min_estimated_hours: Hours().optional().describe('Unestimated tasks pass'),
  priority_threshold: PriorityInput().optional().describe('0..4 or low..urgent'),
  enable_grouping: z.boolean().default(true).describe('Prefer siblings of your last task'),
  minimize_context_switching: z
    .boolean()
    .default(true)
    .describe("Prefer your last task's language and tags"),
  hours_available_today: Hours().optional().describe('Caps max_estimated_hours'),
  available_developers: z
    .int({ error: 'must be a whole number 1..20' })
    .min(1, { error: 'must be 1..20' })
    .max(20, { error: 'must be 1..20' })
    .optional()
    .describe('Also suggest this many tasks to start in parallel'),
});

/** The criteria as parsed (defaults applied), without the project. */
export type NextTaskCriteriaInput = Omit<
  z.output<z.ZodObject<ReturnType<typeof nextTaskCriteriaShape>>>,
  'project_id'
>;

const Alternative = lazy(() =>
  CompactTaskSchema().extend({
    unblocks: z.int().describe('Tasks waiting on it, directly or through others (capped)'),
    score: z.number(),
    reasons: z.array(z.string()),
  }),
);

export const getNextTask = defineOperation({
  name: 'get_next_task',
  description:
    'The ready task to work on next (priority first, then the work it unblocks, your recent context and complexity), why, and ranked alternatives; when nothing is ready, says why.',
  input: () =>
    z.strictObject({
      ...nextTaskCriteriaShape(),
      alternatives: z
        .int({ error: 'must be a whole number 0..20' })
        .min(0, { error: 'must be 0..20' })
        .max(20, { error: 'must be 0..20' })
        .default(3)
        .describe('How many runners-up to list'),
    }),
  output: () =>
    z.object({
      task: TaskSchema().nullable(),
      score: z.number().nullable().describe('Score of the chosen task; null when nothing is ready'),
      reasons: z.array(z.string()),
      alternatives: z.array(Alternative()),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['next'], aliases: [['task', 'next']], render: { kind: 'message' } },
});

export const nextTaskOperations = { get_next_task: getNextTask };
