// Context and handoff (seed 003): an agent saves a small context (at most 4 KB compressed) as it
// works, prepares a handoff before it stops, and resumes, or lets another agent resume, from them.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { TASK_LIMITS } from '../tasks/task-fields.ts';
import { textInput } from '../tasks/task-inputs.ts';
import { TaskId, TaskStatusSchema } from '../tasks/task.schema.ts';
import { ArtifactSummarySchema } from './artifacts.ops.ts';
import { defineOperation, READ_ONLY, WRITE } from './operation.ts';
import { ProgressNoteSchema } from './progress.ops.ts';

/** Seed 003's bound on a saved context: what a resuming agent can afford to read back. */
export const CONTEXT_LIMIT_BYTES = 4096;
/** Bounds the work of compressing before the 4 KB limit is checked. */
export const CONTEXT_RAW_LIMIT_BYTES = 1_048_576;

const AgentName = lazy(() =>
  textInput('agent', Number.MAX_SAFE_INTEGER)
    .trim()
    .min(1, { error: 'agent must not be empty' })
    .max(TASK_LIMITS.shortText, {
      error: `agent must be at most ${TASK_LIMITS.shortText} characters`,
    }),
);

export const SavedContextSchema = lazy(() =>
  z.object({
    owner: z.string().describe("The agent's name, or human:NAME for a person"),
    task_id: z.int().nullable(),
    context: z.unknown(),
    saved_by: z.string(),
    saved_at: z.string(),
    bytes: z.int(),
  }),
);

export const TaskSummarySchema = lazy(() =>
  z.object({
    id: z.int(),
    title: z.string(),
    status: TaskStatusSchema(),
    priority: z.int(),
    progress: z.int(),
    assignee: z.string().nullable(),
  }),
);

export const HandoffSchema = lazy(() =>
  z.object({
    id: z.int(),
    task: TaskSummarySchema(),
    note: z.string().nullable().describe('What the agent that stopped wanted the next one to know'),
    completed_steps: z.array(z.string()),
    next_steps: z.array(z.string()),
    decisions: z.array(z.string()),
    open_questions: z.array(z.string()),
    progress_notes: z.array(ProgressNoteSchema()).describe('Newest first'),
    artifacts: z.array(ArtifactSummarySchema()),
    context_saved_at: z.string().nullable(),
    prepared_by: z.string(),
    prepared_at: z.string(),
  }),
);

export type Handoff = z.infer<ReturnType<typeof HandoffSchema>>;

export const saveContext = defineOperation({
  name: 'save_context',
  description:
    'Save your working notes for a task (or in general): text, or an object such as {completed_steps, next_steps, decisions, open_questions}; at most 4 KB compressed.',
  input: () =>
    z.strictObject({
      task_id: TaskId().optional().describe('The task it is about; omit for your general context'),
      context: z
        .union([z.string(), z.record(z.string(), z.unknown())], {
          error: 'context is a text or a JSON object',
        })
        .describe('Text or a JSON object; at most 4096 bytes once compressed'),
    }),
  output: () =>
    z.object({
      owner: z.string(),
      task_id: z.int().nullable(),
      saved_at: z.string(),
      bytes: z.int(),
      compressed_bytes: z.int(),
      limit_bytes: z.int(),
      versions_kept: z.int(),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['context', 'save'],
    positional: ['context'],
    render: { kind: 'message' },
  },
});

export const loadContext = defineOperation({
  name: 'load_context',
  description:
    "Load the latest saved context: a task's (whoever saved it) when task_id is given, else your own general one; a person may name any agent.",
  input: () =>
    z.strictObject({
      task_id: TaskId().optional(),
      agent: AgentName().optional().describe("Whose context: an agent's name; yours when omitted"),
    }),
  output: () => z.object({ saved: SavedContextSchema().nullable(), message: z.string() }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['context', 'load'], render: { kind: 'document', field: 'saved' } },
});

export const prepareHandoff = defineOperation({
  name: 'prepare_handoff',
  description:
    'Before you stop: sum up your unfinished task for whoever resumes it (steps done and next, decisions, open questions, notes, artifacts); resume_work returns it.',
  input: () =>
    z.strictObject({
      task_id: TaskId().optional().describe('Your unfinished task when omitted'),
      note: textInput('note', TASK_LIMITS.noteLength, true)
        .trim()
        .min(1, { error: 'note must not be empty; leave it out instead' })
        .optional()
        .describe('What the next agent should know first'),
    }),
  output: () => z.object({ handoff: HandoffSchema(), message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['handoff'],
    positional: ['task_id'],
    render: { kind: 'document', field: 'handoff' },
  },
});

export const resumeWork = defineOperation({
  name: 'resume_work',
  description:
    'Find where you (or the agent named) left off: the last unfinished task assigned to or leased by that agent, with its latest context and handoff.',
  input: () =>
    z.strictObject({
      agent: AgentName().optional().describe('Whose work; yours when omitted'),
    }),
  output: () =>
    z.object({
      agent: z.string(),
      task: TaskSummarySchema().nullable(),
      context: SavedContextSchema().nullable(),
      handoff: HandoffSchema().nullable(),
      recent: z
        .array(
          z.object({ id: z.int(), title: z.string(), status: TaskStatusSchema(), at: z.string() }),
        )
        .describe('Tasks the agent touched last, newest first, when nothing is unfinished'),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['resume-work'], positional: ['agent'], render: { kind: 'fields' } },
});

export const handoffOperations = {
  save_context: saveContext,
  load_context: loadContext,
  prepare_handoff: prepareHandoff,
  resume_work: resumeWork,
};
