// Expanding a task into subtasks: through the calling agent (expand_task returns a prompt, the
// agent answers with add_subtasks), a configured model provider, or offline rules; and the
// provider settings. Seed 002's expand_task parameters are kept by name.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import {
  CriteriaInput,
  DescriptionInput,
  DetailsInput,
  PriorityInput,
  TagsInput,
  TaskId,
  TaskRefSchema,
  TestStrategyInput,
  TitleInput,
  textInput,
} from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY, WRITE } from './operation.ts';

export const EXPANSION_LIMITS = {
  /** Subtasks one call may create, at every level together: a plan, not a project import. */
  subtasks: 50,
  /** Levels of nesting below the expanded task (seed 002's max_depth). */
  depth: 3,
  dependencies: 50,
  context: 20_000,
} as const;

export const STRATEGIES = ['agent', 'openai', 'anthropic', 'offline'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const PROVIDER_CHOICES = ['auto', ...STRATEGIES] as const;
export const MODEL_PROVIDERS = ['openai', 'anthropic'] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

const DEPENDENCY_HELP =
  'a dependency is the position of another new subtask ("1", "2.1", or 1) or an existing task as "#42"';

/** One dependency: a new subtask's position, or "#id" of an existing task. */
export const SubtaskRef = lazy(() =>
  z
    .union([z.int().positive(), z.string().trim().min(1).max(40)], { error: DEPENDENCY_HELP })
    .describe('"1" or "2.1": the new subtask at that position; "#42": existing task 42'),
);

const specFields = () => ({
  title: TitleInput(),
  description: DescriptionInput(),
  details: DetailsInput().optional(),
  test_strategy: TestStrategyInput().optional(),
  priority: PriorityInput().optional().describe("Default: the expanded task's"),
  acceptance_criteria: CriteriaInput().optional(),
  tags: TagsInput().optional(),
  dependencies: z
    .array(SubtaskRef())
    .max(EXPANSION_LIMITS.dependencies, {
      error: `a subtask may name at most ${EXPANSION_LIMITS.dependencies} dependencies`,
    })
    .default([]),
});

const TooDeep = () =>
  z
    .array(z.unknown())
    .max(0, {
      error: `subtasks nest at most ${EXPANSION_LIMITS.depth} levels below the expanded task; flatten the deepest level`,
    })
    .optional();

/** The subtasks of one level; `levels` more may nest below it (submitted, or from a model). */
function specList(levels: number, strict: boolean): z.ZodType<SubtaskSpec[], SubtaskSpecInput[]> {
  const object = strict ? z.strictObject : z.object;
  const children = levels > 1 ? specList(levels - 1, strict).optional() : TooDeep();
  return z.array(object({ ...specFields(), subtasks: children })).max(EXPANSION_LIMITS.subtasks, {
    error: `at most ${EXPANSION_LIMITS.subtasks} subtasks in one call`,
  }) as unknown as z.ZodType<SubtaskSpec[], SubtaskSpecInput[]>;
}

function countAll(specs: readonly { subtasks?: unknown }[]): number {
  return specs.reduce(
    (sum, spec) =>
      sum +
      1 +
      (Array.isArray(spec.subtasks) ? countAll(spec.subtasks as { subtasks?: unknown }[]) : 0),
    0,
  );
}

/**
 * Subtasks nested up to `levels` deep, at most EXPANSION_LIMITS.subtasks in all. `strict`
 * refuses unknown fields (callers); a model's answer is read leniently (extra fields dropped).
 */
export function subtaskSpecs(levels: number = EXPANSION_LIMITS.depth, strict = true) {
  return specList(levels, strict)
    .refine((specs) => specs.length > 0, { error: 'give at least one subtask' })
    .refine((specs) => countAll(specs) <= EXPANSION_LIMITS.subtasks, {
      error: `at most ${EXPANSION_LIMITS.subtasks} subtasks in one call, counting nested ones; split the plan`,
    });
}

/** A subtask as submitted (after parsing): what add_subtasks and the models produce. */
export interface SubtaskSpec {
  title: string;
  description: string;
  details?: string | undefined;
  test_strategy?: string | undefined;
  priority?: number | undefined;
  acceptance_criteria?: { text: string; done: boolean }[] | undefined;
  tags?: string[] | undefined;
  dependencies: (number | string)[];
  subtasks?: SubtaskSpec[] | undefined;
}
/** A subtask as a caller may write it (priority as a word, criteria as texts...). */
export interface SubtaskSpecInput {
  title: string;
  description: string;
  details?: string | undefined;
  test_strategy?: string | undefined;
  priority?: number | string | undefined;
  acceptance_criteria?: (string | { text: string; done?: boolean | undefined })[] | undefined;
  tags?: string[] | undefined;
  dependencies?: (number | string)[] | undefined;
  subtasks?: SubtaskSpecInput[] | undefined;
}

export const CreatedSubtaskSchema = lazy(() =>
  z.object({
    path: z.string().describe('Its position in what was submitted: "2", "2.1"'),
    id: z.int(),
    title: z.string(),
    parent_id: z.int(),
    dependencies: z.array(z.int()),
  }),
);

const AddedOutput = () => ({
  task: TaskRefSchema().describe('The task the subtasks were added under'),
  subtasks: z.array(CreatedSubtaskSchema()),
  warnings: z.array(z.string()),
  message: z.string(),
});

export const addSubtasks = defineOperation({
  name: 'add_subtasks',
  description:
    'Create subtasks under a task in one go (e.g. your answer to expand_task\'s prompt), nested up to 3 levels, with dependencies by position ("1", "2.1") or on existing tasks ("#42"); all or nothing.',
  input: () =>
    z.strictObject({
      task_id: TaskId().describe('The task to add them under'),
      subtasks: subtaskSpecs(),
    }),
  output: () => z.object(AddedOutput()),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['task', 'add-subtasks'],
    positional: ['task_id', 'subtasks'],
    readFile: ['subtasks'],
    render: { kind: 'list', field: 'subtasks', columns: ['path', 'id', 'title', 'dependencies'] },
  },
});

const Temperature = () =>
  z
    .number({ error: 'temperature must be a number 0..2' })
    .min(0, { error: 'temperature must be 0..2' })
    .max(2, { error: 'temperature must be 0..2' });

export const expandTask = defineOperation({
  name: 'expand_task',
  description:
    'Break a task into subtasks: provider "agent" returns a prompt for you to answer with add_subtasks; openai/anthropic ask a configured model; offline derives them from the acceptance criteria; auto uses a configured model, else offline. Says which ran.',
  input: () =>
    z.strictObject({
      task_id: TaskId().describe('Task to expand'),
      depth: z
        .int({ error: 'depth must be a whole number 1..3' })
        .min(1, { error: 'depth must be 1..3' })
        .max(EXPANSION_LIMITS.depth, { error: 'depth must be 1..3' })
        .default(2)
        .describe('Levels of subtasks below the task'),
      num_subtasks: z
        .int({ error: 'num_subtasks must be a whole number 1..20' })
        .min(1, { error: 'num_subtasks must be 1..20' })
        .max(20, { error: 'num_subtasks must be 1..20' })
        .optional()
        .describe('How many top-level subtasks to aim for'),
      include_tests: z.boolean().default(true),
      include_documentation: z.boolean().default(true),
      include_implementation: z.boolean().default(true),
      provider: z
        .enum(PROVIDER_CHOICES, {
          error: `provider must be one of ${PROVIDER_CHOICES.join(', ')}`,
        })
        .default('auto'),
      model: textInput('model', 200).trim().min(1).optional().describe('Default: from settings'),
      max_tokens: z
        .int({ error: 'max_tokens must be a whole number 100..64000' })
        .min(100, { error: 'max_tokens must be 100..64000' })
        .max(64_000, { error: 'max_tokens must be 100..64000' })
        .default(2000)
        .describe('The longest answer the model may give, in tokens'),
      temperature: Temperature()
        .optional()
        .describe('0..2, default 0.7; OpenAI-compatible providers only'),
      context: textInput('context', EXPANSION_LIMITS.context, true)
        .optional()
        .describe('Extra instructions for the planner'),
    }),
  output: () =>
    z.object({
      strategy: z.enum(STRATEGIES).describe('What ran: agent, openai, anthropic or offline'),
      requested: z.enum(PROVIDER_CHOICES),
      model: z.string().nullable(),
      ...AddedOutput(),
      prompt: z.string().optional().describe('agent: the prompt to answer'),
      answer_schema: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('agent: JSON schema of the answer'),
      usage: z.object({ input_tokens: z.int(), output_tokens: z.int() }).nullable(),
    }),
  annotations: WRITE,
  audience: 'both',
  // a model's answer takes seconds: the call waits beside others and writes at the end
  waits: true,
  cli: {
    command: ['task', 'expand'],
    positional: ['task_id'],
    render: { kind: 'list', field: 'subtasks', columns: ['path', 'id', 'title', 'dependencies'] },
  },
});

const ProviderSettingsSchema = lazy(() =>
  z.object({
    provider: z.enum(MODEL_PROVIDERS),
    configured: z.boolean().describe('auto may use it'),
    base_url: z.string().nullable().describe('null: the official endpoint'),
    model: z.string(),
    key: z
      .enum(['settings', 'environment', 'none'])
      .describe('Where its API key comes from (the key itself is never shown)'),
    timeout_ms: z.int(),
    max_retries: z.int(),
  }),
);

const SettingsOutput = () => ({
  providers: z.array(ProviderSettingsSchema()),
  auto: z.enum(['openai', 'anthropic', 'offline']).describe('What provider auto runs now'),
  message: z.string(),
});

export const setExpansionProvider = defineOperation({
  name: 'set_expansion_provider',
  description:
    'Configure the model provider expand_task uses: base URL (any OpenAI-compatible server, e.g. Ollama), model, API key, timeout and retries; null clears a setting.',
  input: () =>
    z.strictObject({
      provider: z
        .enum(MODEL_PROVIDERS, { error: 'provider must be openai or anthropic' })
        .describe('openai (any OpenAI-compatible server) or anthropic'),
      base_url: z
        .url({ protocol: /^https?$/, error: 'base_url must be an http(s) URL' })
        .max(2000)
        .nullable()
        .optional()
        .describe('e.g. http://localhost:11434/v1 for Ollama'),
      model: textInput('model', 200).trim().min(1).nullable().optional(),
      api_key: textInput('api_key', 2000)
        .trim()
        .min(1)
        .nullable()
        .optional()
        .describe('Stored in the database; the environment variable is used when unset'),
      timeout_ms: z.int().min(100).max(600_000).nullable().optional(),
      max_retries: z.int().min(0).max(10).nullable().optional(),
      default: z.boolean().optional().describe('auto tries this provider first'),
    }),
  output: () => z.object(SettingsOutput()),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: {
    command: ['expansion', 'provider'],
    positional: ['provider'],
    render: { kind: 'list', field: 'providers' },
  },
});

export const getExpansionSettings = defineOperation({
  name: 'get_expansion_settings',
  description:
    'The model providers expand_task can use, where their keys come from (never the keys) and what auto picks.',
  input: () => z.strictObject({}),
  output: () => z.object(SettingsOutput()),
  annotations: READ_ONLY,
  audience: 'human',
  cli: { command: ['expansion', 'settings'], render: { kind: 'list', field: 'providers' } },
});

export const expansionOperations = {
  expand_task: expandTask,
  add_subtasks: addSubtasks,
  set_expansion_provider: setExpansionProvider,
  get_expansion_settings: getExpansionSettings,
};
