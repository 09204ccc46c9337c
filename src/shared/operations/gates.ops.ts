// Approval gates: a task, or a whole project, may require a person's approval before an agent's
// work counts as completed. The person lists what waits, approves or rejects it with a reason
// the agent receives, and clarifies a task for the agent working on it.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { PAGE_LIMITS } from '../tasks/task-fields.ts';
import {
  ProjectRef,
  StatusChangeSchema,
  TaskId,
  TaskSchema,
  textInput,
} from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY, WRITE } from './operation.ts';
import { ProjectSchema } from './projects.ops.ts';

export const REASON_MAX = 2_000;
export const CLARIFICATION_MAX = 4_000;
/** Clarifications get_task shows; older ones are counted, not repeated into every read. */
export const RECENT_CLARIFICATIONS = 5;

/** A required multi-line text of 1..max characters. */
const Text = (field: string, max: number) =>
  textInput(field, Number.MAX_SAFE_INTEGER, true)
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(max, { error: `${field} must be at most ${max} characters; shorten it` });

export const ClarificationSchema = lazy(() =>
  z.object({ text: z.string(), author: z.string(), at: z.string() }),
);

export const RejectionSchema = lazy(() =>
  z.object({ reason: z.string(), by: z.string(), at: z.string() }),
);

export const ReviewSchema = lazy(() =>
  z.object({
    id: z.int(),
    title: z.string(),
    priority: z.int(),
    project_id: z.int(),
    project: z.string(),
    submitted_by: z.string().nullable().describe('Who moved it into review, e.g. agent:claude#s1'),
    submitted_at: z.string().nullable(),
  }),
);

export const listReviews = defineOperation({
  name: 'list_reviews',
  description:
    "List tasks waiting in review for a person's approval, with who submitted them and when, a page at a time.",
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional().describe('Only this project; all projects when omitted'),
      limit: z.int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
      cursor: z.string().max(500).optional().describe('next_cursor of the previous page'),
    }),
  output: () =>
    z.object({
      reviews: z.array(ReviewSchema()),
      count: z.int().describe('Tasks in review across all pages'),
      next_cursor: z.string().nullable(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['review'],
    render: {
      kind: 'list',
      field: 'reviews',
      columns: ['id', 'title', 'project', 'submitted_by', 'submitted_at'],
    },
  },
});

export const approveTask = defineOperation({
  name: 'approve_task',
  description:
    'Approve a task waiting in review: it becomes completed and its dependents may become ready. People only.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      note: Text('note', REASON_MAX).optional().describe('A note for the agent and the record'),
    }),
  output: StatusChangeSchema,
  annotations: WRITE,
  audience: 'human',
  cli: { command: ['approve'], positional: ['task_id'], render: { kind: 'status' } },
});

export const rejectTask = defineOperation({
  name: 'reject_task',
  description:
    'Reject a task waiting in review: it goes back to in_progress and the reason is delivered to the agent that submitted it. People only.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      reason: Text('reason', REASON_MAX).describe('What is wrong and what to do instead'),
    }),
  output: () =>
    z.object({
      task: TaskSchema(),
      message: z.string(),
      notified: z.string().nullable().describe('The agent the reason was delivered to'),
    }),
  annotations: WRITE,
  audience: 'human',
  cli: { command: ['reject'], positional: ['task_id'], render: { kind: 'message' } },
});

export const setApprovalGate = defineOperation({
  name: 'set_approval_gate',
  description:
    "Make a task, or every task of a project, require a person's approval before an agent's completion counts; required false lifts the gate (people only).",
  input: () =>
    z.strictObject({
      task_id: TaskId().optional().describe('The task to gate (or give project_id)'),
      project_id: ProjectRef().optional().describe('The project whose every task is gated'),
      required: z
        .boolean({ error: 'required must be true or false' })
        .default(true)
        .describe('true to require approval, false to lift the gate'),
    }),
  output: () =>
    z.object({
      message: z.string(),
      changed: z.boolean(),
      task: TaskSchema().optional(),
      project: ProjectSchema().optional(),
    }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'human',
  cli: { command: ['gate'], render: { kind: 'message' } },
});

export const addClarification = defineOperation({
  name: 'add_clarification',
  description:
    'Add a clarification to a task for the agent working on it: it is shown with the task and the assignee is notified. People only.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      text: Text('text', CLARIFICATION_MAX).describe('The clarification'),
    }),
  output: () =>
    z.object({
      message: z.string(),
      clarification: ClarificationSchema(),
      notified: z.string().nullable().describe('The agent notified, if the task has one'),
    }),
  annotations: WRITE,
  audience: 'human',
  cli: { command: ['clarify'], positional: ['task_id', 'text'], render: { kind: 'message' } },
});

export const gateOperations = {
  list_reviews: listReviews,
  approve_task: approveTask,
  reject_task: rejectTask,
  set_approval_gate: setApprovalGate,
  add_clarification: addClarification,
};
