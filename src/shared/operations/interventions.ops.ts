// Questions an agent asks the person (interventions): asked with a ticket returned at once,
// waited on with a bounded long-poll, answered or cancelled, listed for the person's inbox.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import {
  ProjectRef,
  TaskId,
  TaskRefSchema,
  TaskStatusSchema,
  textInput,
} from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY, WRITE } from './operation.ts';

export const INTERVENTION_KINDS = ['clarification', 'approval', 'help'] as const;
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export const INTERVENTION_STATUSES = ['open', 'answered', 'cancelled'] as const;

export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type Urgency = (typeof URGENCIES)[number];
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const INTERVENTION_LIMITS = {
  question: 4_000,
  answer: 4_000,
  option: 200,
  minOptions: 2,
  maxOptions: 10,
  reason: 2_000,
  /** Long-poll bound: well under the 60 s after which MCP clients give up on a tool call. */
  maxWaitSeconds: 50,
  defaultWaitSeconds: 25,
} as const;

/** The ticket people and agents quote: "Q-7" for intervention 7. */
export function formatTicket(id: number): string {
  return `Q-${id}`;
}

const TICKET_HELP = 'ticket must be a question ticket such as Q-7 (or its number, 7)';

/** A ticket as callers write it ("Q-7", "q7", "7" or 7), read as the intervention's id. */
export const TicketInput = lazy(() =>
  z
    .union(
      [
        z.int({ error: TICKET_HELP }).positive({ error: TICKET_HELP }),
        z
          .string()
          .max(40, { error: TICKET_HELP })
          .regex(/^\s*(?:q-?)?\d{1,15}\s*$/i, { error: TICKET_HELP }),
      ],
      { error: TICKET_HELP },
    )
    .transform((value) => (typeof value === 'number' ? value : Number(/\d+/.exec(value)![0])))
    .describe('The ticket request_intervention returned, e.g. Q-7'),
);

export const InterventionSchema = lazy(() =>
  z.object({
    ticket: z.string(),
    task_id: z.int(),
    project_id: z.int(),
    kind: z.enum(INTERVENTION_KINDS),
    question: z.string(),
    options: z.array(z.string()).nullable(),
    urgency: z.enum(URGENCIES),
    status: z.enum(INTERVENTION_STATUSES),
    asked_by: z.string(),
    /** The asking agent's name; null when a person asked. */
    agent: z.string().nullable(),
    previous_status: TaskStatusSchema().nullable(),
    answer: z.string().nullable(),
    chosen_option: z.string().nullable(),
    cancel_reason: z.string().nullable(),
    answered_by: z.string().nullable(),
    created_at: z.string(),
    answered_at: z.string().nullable(),
  }),
);

export type Intervention = z.infer<ReturnType<typeof InterventionSchema>>;

/** A list row: the question cut short, so a page of them fits a context window. */
export const InterventionRowSchema = lazy(() =>
  InterventionSchema()
    .pick({
      ticket: true,
      task_id: true,
      kind: true,
      urgency: true,
      status: true,
      asked_by: true,
      question: true,
      answered_by: true,
      created_at: true,
    })
    .extend({ options: z.int().describe('How many options the question offers') }),
);

export type InterventionRow = z.infer<ReturnType<typeof InterventionRowSchema>>;

const Option = lazy(() =>
  textInput('an option', INTERVENTION_LIMITS.option)
    .trim()
    .min(1, { error: 'an option must not be empty' }),
);

const Options = lazy(() =>
  z
    .array(Option())
    .min(INTERVENTION_LIMITS.minOptions, {
      error: `options must offer ${INTERVENTION_LIMITS.minOptions} to ${INTERVENTION_LIMITS.maxOptions} choices; leave it out for a free-text question`,
    })
    .max(INTERVENTION_LIMITS.maxOptions, {
      error: `options must offer at most ${INTERVENTION_LIMITS.maxOptions} choices; merge some or ask in text`,
    })
    .refine((options) => new Set(options.map((o) => o.toLowerCase())).size === options.length, {
      error: 'options must differ from each other; remove the repeated one',
    }),
);

const Outcome = lazy(() =>
  z.object({ intervention: InterventionSchema(), task: TaskRefSchema(), message: z.string() }),
);

export const requestIntervention = defineOperation({
  name: 'request_intervention',
  description:
    'Ask the person a question about a task (clarification, approval or help). Returns a ticket at once and sets the task to needs_input; then call wait_for_intervention.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      kind: z.enum(INTERVENTION_KINDS).default('clarification'),
      question: textInput('question', INTERVENTION_LIMITS.question, true)
        .trim()
        .min(1, { error: 'question must not be empty; say what you need to know' }),
      options: Options().optional().describe('2 to 10 short choices the person picks from'),
      urgency: z.enum(URGENCIES).default('normal'),
    }),
  output: () =>
    z.object({
      ticket: z.string(),
      status: z.literal('open'),
      task: TaskRefSchema(),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'agent',
  cli: {
    command: ['questions', 'ask'],
    positional: ['task_id', 'question'],
    render: { kind: 'message' },
  },
});

export const getIntervention = defineOperation({
  name: 'get_intervention',
  description: 'Read a question by its ticket: its status, and the answer once there is one.',
  input: () => z.strictObject({ ticket: TicketInput() }),
  output: () => Outcome(),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['questions', 'show'], positional: ['ticket'], render: { kind: 'fields' } },
});

export const waitForIntervention = defineOperation({
  name: 'wait_for_intervention',
  description:
    'Wait up to timeout_s seconds (at most 50) for the answer to your question; returns it as soon as it comes, else status "open": then call again.',
  input: () =>
    z.strictObject({
      ticket: TicketInput(),
      timeout_s: z
        .int({ error: 'timeout_s must be a whole number of seconds' })
        .min(1, { error: 'timeout_s must be at least 1 second' })
        .max(INTERVENTION_LIMITS.maxWaitSeconds, {
          error: `timeout_s must be at most ${INTERVENTION_LIMITS.maxWaitSeconds} seconds; call again to wait longer`,
        })
        .default(INTERVENTION_LIMITS.defaultWaitSeconds),
    }),
  output: () =>
    z.object({
      ticket: z.string(),
      status: z.enum(INTERVENTION_STATUSES),
      answer: z.string().nullable(),
      chosen_option: z.string().nullable(),
      answered_by: z.string().nullable(),
      cancel_reason: z.string().nullable(),
      task: TaskRefSchema(),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'agent',
  waits: true,
  cli: { command: ['questions', 'wait'], positional: ['ticket'], render: { kind: 'message' } },
});

export const answerIntervention = defineOperation({
  name: 'answer_intervention',
  description:
    "Answer an open question (for a person): a text answer and/or one of its options, by number (1 = first) or text. Restores the task's status.",
  input: () =>
    z
      .strictObject({
        ticket: TicketInput(),
        answer: textInput('answer', INTERVENTION_LIMITS.answer, true)
          .trim()
          .min(1, { error: 'answer must not be empty' })
          .optional(),
        option: z
          .union(
            [
              z.int().min(1).max(INTERVENTION_LIMITS.maxOptions),
              textInput('option', INTERVENTION_LIMITS.option).trim().min(1),
            ],
            { error: 'option must be an option number (1 = first) or its text' },
          )
          .optional()
          .describe('The chosen option: its number (1 = first) or its text'),
      })
      .refine((input) => input.answer !== undefined || input.option !== undefined, {
        error: 'give an answer text, an option, or both',
        path: ['answer'],
      }),
  output: () => Outcome(),
  annotations: WRITE,
  audience: 'human',
  cli: { command: ['answer'], positional: ['ticket', 'answer'], render: { kind: 'message' } },
});

export const cancelIntervention = defineOperation({
  name: 'cancel_intervention',
  description:
    "Withdraw an open question (the agent that asked it, or a person); restores the task's status.",
  input: () =>
    z.strictObject({
      ticket: TicketInput(),
      reason: textInput('reason', INTERVENTION_LIMITS.reason, true).trim().min(1).optional(),
    }),
  output: () => Outcome(),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: {
    command: ['questions', 'cancel'],
    positional: ['ticket'],
    render: { kind: 'message' },
  },
});

export const listInterventions = defineOperation({
  name: 'list_interventions',
  description:
    'List questions asked of the person, open ones by default, most urgent (then oldest) first, a page at a time.',
  input: () =>
    z.strictObject({
      status: z.enum(['open', 'answered', 'cancelled', 'all']).default('open'),
      project_id: ProjectRef().optional().describe('Only this project; all projects when omitted'),
      task_id: TaskId().optional().describe('Only questions about this task'),
      order: z.enum(['urgency', 'newest']).default('urgency'),
      limit: z.int().min(1).max(100).default(20),
      cursor: z.string().max(500).optional().describe('next_cursor of the previous page'),
    }),
  output: () =>
    z.object({
      interventions: z.array(InterventionRowSchema()),
      count: z.int().describe('How many match, on every page'),
      next_cursor: z
        .string()
        .nullable()
        .describe('Pass as cursor for the next page; null on the last page'),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['questions'],
    render: {
      kind: 'list',
      field: 'interventions',
      columns: ['ticket', 'status', 'urgency', 'task_id', 'asked_by', 'question'],
    },
  },
});

export const interventionOperations = {
  request_intervention: requestIntervention,
  get_intervention: getIntervention,
  wait_for_intervention: waitForIntervention,
  answer_intervention: answerIntervention,
  cancel_intervention: cancelIntervention,
  list_interventions: listInterventions,
};
