// Progress on a task (seed 003): a percent with a note, or checkpoints (named, ordered steps
// with done flags) from which the percent is derived while the task has any.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { textInput } from '../tasks/task-inputs.ts';
import { TaskId } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, WRITE } from './operation.ts';

/** Enough for a real plan; a list longer than this is a task to split. */
export const MAX_CHECKPOINTS = 100;
export const CHECKPOINT_NAME_LENGTH = 200;

export const CheckpointSchema = lazy(() =>
  z.object({
    position: z.int().describe('1-based place in the list'),
    name: z.string(),
    done: z.boolean(),
    done_at: z.string().nullable(),
  }),
);

export type CheckpointView = z.infer<ReturnType<typeof CheckpointSchema>>;

export const ProgressNoteSchema = lazy(() =>
  z.object({ percent: z.int(), note: z.string().nullable(), actor: z.string(), at: z.string() }),
);

/** Where a task's percent comes from: the last report, or its checkpoints while it has any. */
const ProgressSource = lazy(() => z.enum(['reported', 'checkpoints']));

const StepName = lazy(() =>
  textInput('step name', Number.MAX_SAFE_INTEGER)
    .trim()
    .min(1, { error: 'a step name must not be empty' })
    .max(CHECKPOINT_NAME_LENGTH, {
      error: `a step name must be at most ${CHECKPOINT_NAME_LENGTH} characters; shorten it`,
    }),
);

const ProgressOutput = lazy(() =>
  z.object({
    task_id: z.int(),
    progress: z.int(),
    source: ProgressSource(),
    checkpoints: z.array(CheckpointSchema()),
    message: z.string(),
  }),
);

export const updateProgress = defineOperation({
  name: 'update_progress',
  description:
    'Report progress on your task: percent 0..100 and/or a short note (while it has checkpoints, its percent follows them).',
  input: () =>
    z
      .strictObject({
        task_id: TaskId(),
        percent: z.int().min(0).max(100).optional().describe('Percent done, 0..100'),
        note: textInput('note', TASK_LIMITS.noteLength, true)
          .trim()
          .min(1, { error: 'note must not be empty; leave it out instead' })
          .optional()
          .describe('What was done or what comes next, in a sentence or two'),
      })
      .refine((input) => input.percent !== undefined || input.note !== undefined, {
        error: 'send a percent, a note, or both',
      }),
  output: () => ProgressOutput(),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['task', 'progress'],
    positional: ['task_id', 'percent'],
    render: { kind: 'message' },
  },
});

export const setCheckpoints = defineOperation({
  name: 'set_checkpoints',
  description:
    "Replace a task's checkpoints: its named steps in order, each optionally already done. The task's percent is then derived from them; an empty list removes them.",
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      steps: z
        .array(
          z.union(
            [StepName(), z.strictObject({ name: StepName(), done: z.boolean().default(false) })],
            {
              error: 'each step is a name, or {name, done}',
            },
          ),
        )
        .max(MAX_CHECKPOINTS, {
          error: `at most ${MAX_CHECKPOINTS} steps; group small ones or split the task`,
        })
        .describe('Step names in order, or {name, done} objects'),
    }),
  output: () => ProgressOutput(),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['task', 'checkpoints'],
    positional: ['task_id'],
    render: { kind: 'message' },
  },
});

export const checkStep = defineOperation({
  name: 'check_step',
  description:
    "Mark one of a task's checkpoints done (or not done with done=false), by its name or 1-based position; the task's percent follows.",
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      step: z
        .union([z.int().positive(), StepName()], {
          error: 'step is a checkpoint name or its 1-based position',
        })
        .describe('The step name, or its 1-based position'),
      done: z.boolean().default(true),
    }),
  output: () => ProgressOutput(),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['task', 'check'],
    positional: ['task_id', 'step'],
    render: { kind: 'message' },
  },
});

export const progressOperations = {
  update_progress: updateProgress,
  set_checkpoints: setCheckpoints,
  check_step: checkStep,
};
