// A multi-step workflow as JSON: what a task-Markdown file converts to and renders from. Each
// step becomes one task: its commands are the run spec (run in order, in one working folder),
// its verify block the verify spec the executor checks before the task may complete.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { describeCodePoint, isControlCharacter } from '../text/unicode-checks.ts';
import { COMMAND_LANGUAGES } from './languages.ts';
import { PATTERN_FLAGS, patternProblem } from './verify-checks.ts';
import { workflowProblems } from './workflow-checks.ts';

export const WORKFLOW_LIMITS = {
  /** Characters of Markdown one conversion reads: far above any hand-written plan. */
  markdown: 1_000_000,
  title: TASK_LIMITS.title,
  stepId: 64,
  description: TASK_LIMITS.description,
  objective: TASK_LIMITS.description,
  notes: 100_000,
  steps: 500,
  commandsPerStep: 20,
  code: 200_000,
  /** One day: a longer step should be split, and a typo of minutes for seconds is caught. */
  timeoutSeconds: 86_400,
} as const;

/** Letters, digits, then also `.`, `_`, `-` inside: `setup`, `1.2`, `build-docs`. */
export const STEP_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** Index of the first C0 or C1 control; tab and line feed are allowed in multi-line text (no CR). */
function controlIndex(value: string, multiline: boolean): number {
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (multiline && (unit === 0x09 || unit === 0x0a)) continue;
    if (isControlCharacter(unit)) return index;
  }
  return -1;
}

function text(options: { max: number; multiline: boolean; what: string }) {
  return z
    .string()
    .max(options.max, {
      error: `${options.what} is longer than ${options.max} characters; shorten it`,
    })
    .superRefine((value, context) => {
      const index = controlIndex(value, options.multiline);
      if (index === -1) return;
      const how = options.multiline ? 'line breaks are \\n' : 'it is one line';
      context.addIssue({
        code: 'custom',
        message: `${options.what} holds ${describeCodePoint(value.charCodeAt(index))} at index ${index}; remove it (${how})`,
      });
    });
}

/**
 * Multi-line text as a document keeps it: no blank lines before it, no white space after it;
 * spaces that start its first line stay (four of them make a code block in Markdown).
 */
export function normalizeBlockText(value: string): string {
  return value.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** One-line, trimmed, non-empty: a title as a heading shows it. */
function line(what: string, max: number) {
  return text({ max, multiline: false, what }).refine(
    (value) => value.trim() === value && value !== '',
    {
      error: `${what} must be non-empty text without spaces at either end`,
    },
  );
}

export const StepIdSchema = lazy(() =>
  z
    .string()
    .max(WORKFLOW_LIMITS.stepId, {
      error: `a step id is at most ${WORKFLOW_LIMITS.stepId} characters`,
    })
    .regex(STEP_ID_PATTERN, {
      error:
        'a step id is letters and digits, with . _ - allowed inside, e.g. setup, 1.2, build-docs',
    }),
);

export const StepCommandSchema = lazy(() =>
  z.strictObject({
    language: z.enum(COMMAND_LANGUAGES, {
      error: `language must be one of ${COMMAND_LANGUAGES.join(', ')}`,
    }),
    code: text({ max: WORKFLOW_LIMITS.code, multiline: true, what: 'code' }).refine(
      (code) => code.trim() !== '',
      {
        error: 'code is empty; write the commands to run',
      },
    ),
  }),
);

export const VerifySpecSchema = lazy(() =>
  z
    .strictObject({
      exit_code: z
        .int()
        .min(0)
        .max(255)
        .optional()
        .describe('Every command must exit with this code'),
      output_pattern: z.string().optional().describe('A regular expression the output must match'),
      output_flags: z
        .string()
        .regex(new RegExp(`^[${PATTERN_FLAGS}]{1,${PATTERN_FLAGS.length}}$`), {
          error: `output_flags is one or more of ${[...PATTERN_FLAGS].join(', ')}; leave it out for none`,
        })
        .optional(),
      output_contains: line('output_contains', 2_000)
        .optional()
        .describe('Text the output must contain'),
    })
    .superRefine((verify, context) => {
      if (
        verify.exit_code === undefined &&
        verify.output_pattern === undefined &&
        verify.output_contains === undefined
      )
        context.addIssue({
          code: 'custom',
          message:
            'a verify spec needs exit_code, output_pattern or output_contains (or use null for none)',
        });
      if (verify.output_flags !== undefined && verify.output_pattern === undefined)
        context.addIssue({
          code: 'custom',
          path: ['output_flags'],
          message: 'output_flags apply to output_pattern, which is missing',
        });
      // bad flags are reported by their own field; the pattern is then checked without them
      const flags = [...(verify.output_flags ?? '')].every((flag) => PATTERN_FLAGS.includes(flag))
        ? (verify.output_flags ?? '')
        : '';
      if (verify.output_pattern === undefined) return;
      const problem = patternProblem(verify.output_pattern, flags);
      if (problem !== null)
        context.addIssue({ code: 'custom', path: ['output_pattern'], message: problem });
    })
    .describe('What must hold after the commands ran for the step to count as done'),
);

export const WorkflowStepSchema = lazy(() =>
  z.strictObject({
    id: StepIdSchema(),
    title: line('title', WORKFLOW_LIMITS.title),
    description: text({ max: WORKFLOW_LIMITS.description, multiline: true, what: 'description' })
      .transform(normalizeBlockText)
      .default(''),
    depends_on: z
      .array(StepIdSchema())
      .max(WORKFLOW_LIMITS.steps)
      .refine((ids) => new Set(ids).size === ids.length, {
        error: 'depends_on lists a step twice; list each once',
      })
      .default([])
      .describe('Ids of the steps that must be done before this one starts'),
    parallel: z
      .boolean()
      .default(false)
      .describe('May run at the same time as other parallel steps'),
    timeout_seconds: z.int().min(1).max(WORKFLOW_LIMITS.timeoutSeconds).optional(),
    commands: z.array(StepCommandSchema()).max(WORKFLOW_LIMITS.commandsPerStep).default([]),
    verify: VerifySpecSchema().nullable().default(null),
  }),
);

function buildWorkflowSchema() {
  return z
    .strictObject({
      title: line('title', WORKFLOW_LIMITS.title),
      objective: text({ max: WORKFLOW_LIMITS.objective, multiline: true, what: 'objective' })
        .transform(normalizeBlockText)
        .default(''),
      notes: text({ max: WORKFLOW_LIMITS.notes, multiline: true, what: 'notes' })
        .transform(normalizeBlockText)
        .default(''),
      steps: z
        .array(WorkflowStepSchema())
        .min(1, { error: 'a workflow needs at least one step' })
        .max(WORKFLOW_LIMITS.steps, {
          error: `a workflow has at most ${WORKFLOW_LIMITS.steps} steps; split it`,
        }),
    })
    .superRefine((document, context) => {
      for (const problem of workflowProblems(document.steps, (index) => `steps[${index}]`)) {
        const path: (string | number)[] = ['steps', problem.step, problem.field];
        if (problem.entry !== undefined && problem.entry >= 0) path.push(problem.entry);
        context.addIssue({ code: 'custom', path, message: problem.message });
      }
    })
    .describe(
      'A multi-step workflow: a title, an objective, and steps with dependencies, commands and verification',
    );
}

export const WorkflowDocumentSchema = lazy(buildWorkflowSchema);

export type WorkflowDocument = z.output<ReturnType<typeof buildWorkflowSchema>>;
export type WorkflowDocumentInput = z.input<ReturnType<typeof buildWorkflowSchema>>;
export type WorkflowStep = WorkflowDocument['steps'][number];
export type StepCommand = WorkflowStep['commands'][number];
export type VerifySpec = NonNullable<WorkflowStep['verify']>;
