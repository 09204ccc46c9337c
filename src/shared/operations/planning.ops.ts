// Planning: a task's complexity (weighted factors, each with its reasons), its effort in hours
// (calibrated on the project's own finished work when there is enough of it), the weights, and
// linking commits to the tasks their messages mention. Parameter names are seed 002's.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { ProjectRef, TaskId } from '../tasks/task.schema.ts';
import { textInput } from '../tasks/task-inputs.ts';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { defineOperation, IDEMPOTENT_WRITE } from './operation.ts';

/** The factors, in the order they are reported; each has a COMPLEXITY_WEIGHTS_* variable. */
export const COMPLEXITY_FACTORS = [
  'code_volume',
  'dependencies',
  'technical_risk',
  'historical_data',
] as const;
export type ComplexityFactor = (typeof COMPLEXITY_FACTORS)[number];

const analysisOptions = () => ({
  analyze_dependencies: z
    .boolean()
    .default(true)
    .describe('Count the imports of the referenced files and the prerequisite tasks'),
  estimate_code_volume: z
    .boolean()
    .default(true)
    .describe('Count the lines of the referenced files'),
  assess_risk: z
    .boolean()
    .default(true)
    .describe("Look for risky work in the task's text and tags"),
  use_historical_data: z
    .boolean()
    .default(true)
    .describe("Compare with the project's completed tasks and how long they took"),
  project_root: textInput('project_root', TASK_LIMITS.pathLength)
    .trim()
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, {
      error: 'project_root must be an absolute folder path, e.g. /home/ann/shop',
    })
    .optional()
    .describe("Folder the file references are relative to; default: the project's folder"),
});

const Factor = lazy(() =>
  z.object({
    name: z.enum(COMPLEXITY_FACTORS),
    value: z.number().nullable().describe('0..10; null when not assessed'),
    weight: z.number().describe('Its share of the score, 0..1 (0 when not assessed)'),
    reasons: z.array(z.string()),
  }),
);

const WeightSource = lazy(() => z.enum(['settings', 'environment', 'default']));

const Weight = lazy(() => z.object({ value: z.number(), source: WeightSource() }));

export const WeightsSchema = lazy(() =>
  z.object({
    code_volume: Weight(),
    dependencies: Weight(),
    technical_risk: Weight(),
    historical_data: Weight(),
  }),
);

export const ComplexityAnalysisSchema = lazy(() =>
  z.object({
    score: z.number().describe('1..10'),
    factors: z.array(Factor()),
    weights: WeightsSchema(),
    risk_level: z.enum(['low', 'medium', 'high']).nullable(),
    estimated_lines_of_code: z.int().nullable(),
    files: z
      .array(
        z.object({
          path: z.string(),
          lines: z.int().nullable(),
          imports: z.array(z.string()),
          note: z.string().nullable(),
        }),
      )
      .describe('The referenced files as measured'),
    confidence: z.number().describe('0..1: how much of the score rests on measurements'),
    project_root: z.string().nullable(),
    analyzed_at: z.string(),
  }),
);
export type ComplexityAnalysis = z.infer<ReturnType<typeof ComplexityAnalysisSchema>>;

export const EffortEstimateSchema = lazy(() =>
  z.object({
    hours: z.number(),
    low: z.number(),
    high: z.number(),
    method: z.enum(['calibrated', 'default']),
    complexity_score: z.number(),
    calibration: z
      .object({ tasks: z.int(), hours_per_point: z.number() })
      .nullable()
      .describe('The completed tasks it was calibrated on; null for the default'),
    reasons: z.array(z.string()),
    estimated_at: z.string(),
  }),
);
export type EffortEstimate = z.infer<ReturnType<typeof EffortEstimateSchema>>;

export const analyzeComplexity = defineOperation({
  name: 'analyze_complexity',
  description:
    "Score a task's complexity 1..10 from weighted factors (code volume and imports of its referenced files, risk in its text and tags, the project's history), with each factor's reasons; stores the score on the task.",
  input: () => z.strictObject({ task_id: TaskId(), ...analysisOptions() }),
  output: () => z.object({ complexity: ComplexityAnalysisSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: { command: ['task', 'complexity'], positional: ['task_id'], render: { kind: 'message' } },
});

export const estimateEffort = defineOperation({
  name: 'estimate_effort',
  description:
    "Estimate a task's effort in hours with a low..high range: calibrated on the project's completed tasks when at least five have measured durations, else from its complexity; stores estimated_hours and the complexity.",
  input: () => z.strictObject({ task_id: TaskId(), ...analysisOptions() }),
  output: () =>
    z.object({
      effort: EffortEstimateSchema(),
      complexity: ComplexityAnalysisSchema(),
      message: z.string(),
    }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: { command: ['task', 'estimate'], positional: ['task_id'], render: { kind: 'message' } },
});

const WeightInput = lazy(() =>
  z
    .number({ error: 'a weight must be a number, e.g. 0.35' })
    .min(0, { error: 'a weight must be 0 or more, e.g. 0.35' })
    .max(100, { error: 'a weight must be at most 100' }),
);

export const setComplexityWeights = defineOperation({
  name: 'set_complexity_weights',
  description:
    "Set the weights of the complexity factors for this database (they override the COMPLEXITY_WEIGHTS_* environment variables); with no weights, shows them; reset goes back to the environment's or the defaults.",
  input: () =>
    z.strictObject({
      code_volume: WeightInput().optional(),
      dependencies: WeightInput().optional(),
      technical_risk: WeightInput().optional(),
      historical_data: WeightInput().optional(),
      reset: z.boolean().default(false).describe('Forget the weights set here first'),
    }),
  output: () => z.object({ weights: WeightsSchema(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['complexity-weights'], render: { kind: 'message' } },
});

export const scanCommits = defineOperation({
  name: 'scan_commits',
  description:
    "Read the project folder's git log and link each commit to the tasks its message mentions (#42, task 42, Task-42); commits already linked are left alone.",
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      since: z
        .string()
        .trim()
        .regex(/^[\w:.+\- ]{1,64}$/, {
          error: 'since must be a date or git period, e.g. 2025-01-31 or "2 weeks ago"',
        })
        .optional()
        .describe('Only commits after this date, e.g. 2025-01-31 or "2 weeks ago"'),
      limit: z
        .int({ error: 'limit must be a whole number 1..10000' })
        .min(1, { error: 'limit must be 1..10000' })
        .max(10_000, { error: 'limit must be 1..10000' })
        .default(1_000)
        .describe('The newest commits read at most'),
    }),
  output: () =>
    z.object({
      scanned: z.int().describe('Commits read'),
      linked: z
        .array(z.object({ task_id: z.int(), hash: z.string(), subject: z.string() }))
        .describe('New links, at most 100 listed'),
      linked_count: z.int(),
      already_linked: z.int(),
      unknown_ids: z.array(z.int()).describe('Mentioned ids that are no task of this project'),
      message: z.string(),
    }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: { command: ['git', 'scan'], render: { kind: 'message' } },
});

export const planningOperations = {
  analyze_complexity: analyzeComplexity,
  estimate_effort: estimateEffort,
  set_complexity_weights: setComplexityWeights,
  scan_commits: scanCommits,
};
