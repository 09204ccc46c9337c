// Task operations: create, read, list, update, change status, delete. Names and parameters of
// the seed's MCP tools are kept so that agents that know them work unchanged.
import { RunSummarySchema } from './runs.ops.ts';
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { PAGE_LIMITS, TASK_STATUSES } from '../tasks/task-fields.ts';
import {
  CompactTaskSchema,
  ProjectRef,
  TagInput,
  TaskId,
  TaskRefSchema,
  StatusChangeSchema,
  TaskSchema,
  TaskStatusInput,
} from '../tasks/task.schema.ts';
import { ArtifactSummarySchema } from './artifacts.ops.ts';
import { CommitSchema } from './commits.ops.ts';
import { ClarificationSchema, RECENT_CLARIFICATIONS, RejectionSchema } from './gates.ops.ts';
import { defineOperation, DESTRUCTIVE, READ_ONLY, WRITE } from './operation.ts';
import { CheckpointSchema } from './progress.ops.ts';
import { createShape, updateShape } from './task-input-shapes.ts';

const ExpectedVersion = lazy(() =>
  z.int().positive().optional().describe('Refuse with CONFLICT if the task changed since'),
);

export const createTask = defineOperation({
  name: 'create_task',
  description:
    'Create a task (or a subtask with parent_id) with optional dependencies on existing tasks. Returns the task with its id.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      ...createShape(),
      parent_id: TaskId().optional().describe('Make this a subtask of that task'),
    }),
  output: () => z.object({ task: TaskSchema(), message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['task', 'create'], render: { kind: 'task' } },
});

export const getTask = defineOperation({
  name: 'get_task',
  description:
    'Get one task with its dependencies, dependents, subtasks, failed prerequisites and linked commits.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      include_executions: z.boolean().default(false).describe('Include code execution history'),
      include_analysis: z.boolean().default(false).describe('Include complexity analyses'),
    }),
  output: () =>
    z.object({
      task: TaskSchema(),
      dependencies: z.array(TaskRefSchema()),
      dependents: z.array(TaskRefSchema()),
      subtasks: z.array(TaskRefSchema()),
      failed_prerequisites: z
        .array(TaskRefSchema())
        .describe('Direct prerequisites that failed or wait on a failure'),
      commits: z.array(CommitSchema()).describe('The latest 20'),
      counts: z
        .object({
          dependencies: z.int(),
          dependents: z.int(),
          subtasks: z.int(),
          commits: z.int(),
        })
        .describe('How many in all: the lists show at most 50 each'),
      checkpoints: z
        .array(CheckpointSchema())
        .describe('Its named steps in order, when it has any'),
      artifacts: z
        .array(ArtifactSummarySchema())
        .describe('Stored outputs by name; read one with get_artifact'),
      clarifications: z
        .array(ClarificationSchema())
        .describe(`A person's latest ${RECENT_CLARIFICATIONS} clarifications, oldest first`),
      clarification_count: z.int().describe('Clarifications in all, including older ones'),
      last_rejection: RejectionSchema()
        .nullable()
        .describe('Why a person last sent it back from review, if ever'),
      executions: z
        .array(RunSummarySchema())
        .optional()
        .describe('Its latest 20 code runs, newest first (include_executions)'),
      analysis: z.array(z.unknown()).optional(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['task', 'get'],
    aliases: [['show']],
    positional: ['task_id'],
    each: 'task_id',
    render: { kind: 'task' },
  },
});

const STATUS_CHOICES = `one of ${TASK_STATUSES.join(', ')} (or done, in-progress, todo, deferred), or a list of them`;

const StatusFilter = lazy(() =>
  z.union([TaskStatusInput(), z.array(TaskStatusInput()).min(1)], {
    error: `expected ${STATUS_CHOICES}`,
  }),
);

export const ListTasksInput = lazy(() =>
  z.strictObject({
    project_id: ProjectRef().optional(),
    status: StatusFilter().optional().describe('One status or a list'),
    code_language: z.string().max(200).optional(),
    tag: TagInput().optional().describe('Only tasks with this tag (any case)'),
    assignee: z.string().max(200).optional(),
    parent_id: TaskId()
      .nullable()
      .optional()
      .describe('Subtasks of this task; null for top-level tasks only'),
    ready: z.boolean().optional().describe('Only tasks that are ready (true) or not ready (false)'),
    fields: z
      .enum(['full', 'compact'], { error: 'fields must be full or compact' })
      .default('full')
      .describe('compact: id, title, status, priority, dependencies'),
    include_metrics: z
      .boolean()
      .default(false)
      .describe('Include counts by status for the whole project'),
    limit: z.int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
    cursor: z.string().max(500).optional().describe('next_cursor of the previous page'),
  }),
);

export const MetricsSchema = lazy(() =>
  z.object({
    total: z.int(),
    by_status: z.record(z.string(), z.int()),
    ready: z.int(),
    waiting_on_failed: z.int(),
    percent_completed: z.number(),
  }),
);

export const listTasks = defineOperation({
  name: 'list_tasks',
  description:
    'List tasks a page at a time (limit, cursor), filtered by status, language, tag, assignee, parent or readiness. Use fields: "compact" for large projects.',
  input: () => ListTasksInput(),
  output: () =>
    z.object({
      tasks: z.union([z.array(TaskSchema()), z.array(CompactTaskSchema())]),
      count: z.int().describe('Tasks matching the filter, across all pages'),
      next_cursor: z
        .string()
        .nullable()
        .describe('Pass as cursor for the next page; null on the last page'),
      metrics: MetricsSchema().optional(),
      as_of_event: z.int().describe('The last event this answer reflects; later events change it'),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['task', 'list'], render: { kind: 'list', field: 'tasks' } },
});

export const updateTask = defineOperation({
  name: 'update_task',
  description:
    "Change a task's fields (not its status: use update_task_status). Pass expected_version from the task you read to avoid overwriting someone else's change.",
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      expected_version: ExpectedVersion(),
      ...updateShape(),
      parent_id: TaskId()
        .nullable()
        .optional()
        .describe('Move under another task, or null for top level'),
    }),
  output: () => z.object({ task: TaskSchema(), message: z.string(), changed: z.array(z.string()) }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['task', 'update'], positional: ['task_id'], render: { kind: 'message' } },
});

export const updateTaskStatus = defineOperation({
  name: 'update_task_status',
  description:
    'Move a task to a new status. Completing it makes dependents ready; failing or cancelling it makes them wait on a failed prerequisite.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      status: TaskStatusInput(),
      expected_version: ExpectedVersion(),
    }),
  output: StatusChangeSchema,
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['task', 'status'],
    aliases: [['set-status']],
    positional: ['task_id', 'status'],
    each: 'task_id',
    render: { kind: 'status' },
  },
});

export const deleteTask = defineOperation({
  name: 'delete_task',
  description:
    'Delete a task and its subtasks permanently. If other tasks depend on it, choose on_dependents: "cascade" deletes them too, "relink" makes them depend on its prerequisites.',
  input: () =>
    z.strictObject({
      task_id: TaskId(),
      on_dependents: z
        .enum(['refuse', 'cascade', 'relink'], {
          error: 'on_dependents must be refuse, cascade or relink',
        })
        .default('refuse'),
    }),
  output: () =>
    z.object({
      message: z.string(),
      deleted: z.array(TaskRefSchema()),
      relinked: z.array(z.object({ task_id: z.int(), depends_on: z.int() })),
    }),
  annotations: DESTRUCTIVE,
  audience: 'both',
  cli: { command: ['task', 'delete'], positional: ['task_id'], render: { kind: 'message' } },
});

export const taskOperations = {
  create_task: createTask,
  get_task: getTask,
  list_tasks: listTasks,
  update_task: updateTask,
  update_task_status: updateTaskStatus,
  delete_task: deleteTask,
};
