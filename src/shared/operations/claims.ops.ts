// Claims: an agent (or a person) takes a task with a lease, so two never work on the same one.
// The lease is renewed by the holder's activity on the task and expires when the holder goes
// silent; a person may pause a task, and agents then leave it alone.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TaskId, TaskSchema, textInput } from '../tasks/task.schema.ts';
import { nextTaskCriteriaShape } from './next-task.ops.ts';
import { defineOperation, IDEMPOTENT_WRITE, WRITE } from './operation.ts';

export const LEASE_MINUTES = { min: 1, max: 480 } as const;

const LEASE_HELP = `lease_minutes must be a whole number of minutes ${LEASE_MINUTES.min}..${LEASE_MINUTES.max}`;

export const LeaseMinutes = lazy(() =>
  z
    .int({ error: LEASE_HELP })
    .min(LEASE_MINUTES.min, { error: LEASE_HELP })
    .max(LEASE_MINUTES.max, { error: LEASE_HELP }),
);

/** A required reason of one to `max` characters. */
const Reason = (field: string, max: number) =>
  textInput(field, max, true)
    .trim()
    .min(1, { error: `${field} must not be empty` });

export const LeaseSchema = lazy(() =>
  z.object({
    holder: z.string(),
    session: z.string().nullable(),
    expires_at: z
      .string()
      .nullable()
      .describe("Renewed by the holder's activity on the task; null for a person's claim"),
  }),
);

const ClaimOutput = lazy(() =>
  z.object({
    task: TaskSchema().nullable(),
    lease: LeaseSchema().nullable(),
    reasons: z.array(z.string()),
    message: z.string(),
  }),
);

/**
 * The filters that matter when claiming one task. get_next_task also takes seed 002's aliases
 * and planning extras (max_complexity_limit, hours_available_today, available_developers,
 * enable_grouping); leaving them out here keeps the loop's tools/list small.
 */
const CLAIM_FILTERS = {
  project_id: true,
  max_complexity: true,
  preferred_task_types: true,
  preferred_languages: true,
  excluded_tags: true,
  required_tags: true,
  max_estimated_hours: true,
  min_estimated_hours: true,
  hours_available_today: true,
  priority_threshold: true,
  minimize_context_switching: true,
} as const;

const TaskOutput = lazy(() => z.object({ task: TaskSchema(), message: z.string() }));

export const claimNextTask = defineOperation({
  name: 'claim_next_task',
  description:
    'Find the best ready task and claim it in one step: it becomes in_progress under your name, leased while you keep working on it. Says why it was chosen, or why nothing is ready.',
  input: () =>
    z
      .strictObject(nextTaskCriteriaShape())
      .pick(CLAIM_FILTERS)
      .extend({
        lease_minutes: LeaseMinutes()
          .optional()
          .describe('Lease length; the default is 15 minutes'),
      }),
  output: ClaimOutput,
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['claim-next'], render: { kind: 'message' } },
});

export const claimTask = defineOperation({
  name: 'claim_task',
  description:
    'Claim a ready task by id: it becomes in_progress under your name, leased while you keep working on it (claiming it again renews the lease).',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      lease_minutes: LeaseMinutes().optional().describe('Lease length; the default is 15 minutes'),
    }),
  output: ClaimOutput,
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['claim'], positional: ['task_id'], render: { kind: 'message' } },
});

export const releaseTask = defineOperation({
  name: 'release_task',
  description:
    'Give back a task you claimed: it returns to the ready set (progress kept) for anyone to claim.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      reason: Reason('reason', 2_000).optional().describe('Why, for whoever takes it next'),
    }),
  output: TaskOutput,
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['release'], positional: ['task_id'], render: { kind: 'message' } },
});

export const pauseTask = defineOperation({
  name: 'pause_task',
  description:
    'Pause a task (a person only): agents cannot claim or change it until it is resumed; an agent holding it loses its lease and is told why.',
  input: () => z.strictObject({ task_id: TaskId(), reason: Reason('reason', 2_000) }),
  output: TaskOutput,
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['pause'], positional: ['task_id'], render: { kind: 'message' } },
});

export const resumeTask = defineOperation({
  name: 'resume_task',
  description: 'Resume a paused task (a person only), so agents may claim it again.',
  input: () => z.strictObject({ task_id: TaskId() }),
  output: TaskOutput,
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['resume'], positional: ['task_id'], render: { kind: 'message' } },
});

export const setLeaseMinutes = defineOperation({
  name: 'set_lease_minutes',
  description:
    'Set how long a claim lasts without activity from its holder before it expires (default 15 minutes), for claims that do not name a length.',
  input: () => z.strictObject({ minutes: LeaseMinutes() }),
  output: () => z.object({ minutes: z.int(), previous: z.int(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['lease-minutes'], positional: ['minutes'], render: { kind: 'message' } },
});

export const claimOperations = {
  claim_next_task: claimNextTask,
  claim_task: claimTask,
  release_task: releaseTask,
  pause_task: pauseTask,
  resume_task: resumeTask,
  set_lease_minutes: setLeaseMinutes,
};
