// What the executor runs for a task and how it decides the task is done: the run spec (commands
// in order, a timeout, whether it may share the machine, where it runs) and the verify spec
// (the same checks a task-Markdown step's verify block holds). Stored as JSON on the task.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { StepCommandSchema, VerifySpecSchema, WORKFLOW_LIMITS } from './workflow.schema.ts';

/** The runner's limit: one command runs at most an hour (src/core/runs/run-spec.ts). */
export const MAX_COMMAND_TIMEOUT_SECONDS = 3600;

export const TaskRunSpecSchema = lazy(() =>
  z
    .strictObject({
      commands: z
        .array(StepCommandSchema())
        .min(1, { error: 'a run spec needs at least one command' })
        .max(WORKFLOW_LIMITS.commandsPerStep, {
          error: `a run spec has at most ${WORKFLOW_LIMITS.commandsPerStep} commands; split the task`,
        })
        .describe('Run one after another; the task fails at the first that fails its checks'),
      timeout_seconds: z
        .int()
        .min(1)
        .max(MAX_COMMAND_TIMEOUT_SECONDS, {
          error: `timeout_seconds is at most ${MAX_COMMAND_TIMEOUT_SECONDS} (an hour) per command`,
        })
        .optional()
        .describe('Per command; default 30'),
      parallel: z
        .boolean()
        .default(true)
        .describe('false: runs alone, with no other task of the workflow at the same time'),
      working_directory: z
        .string()
        .min(1)
        .max(1000)
        .optional()
        .describe(
          "A folder inside the project's root (relative to it; '.' is the root) the commands run in and may write; default: a private folder per command",
        ),
    })
    .describe('What the executor runs for this task'),
);

export const TaskVerifySpecSchema = VerifySpecSchema;

export type TaskRunSpec = z.output<ReturnType<typeof TaskRunSpecSchema>>;
export type TaskVerifySpec = z.output<ReturnType<typeof TaskVerifySpecSchema>>;
