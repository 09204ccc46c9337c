// Task operations: create, read, list, update, change status, delete. Names and parameters of
// the seed's MCP tools are kept so that agents that know them work unchanged.
import { z } from 'zod';
import { PAGE_LIMITS } from '../tasks/task-fields.ts';
import {
  CompactTaskSchema,
  ComplexityInput,
  CriteriaInput,
  DependencyIdsInput,
  DescriptionInput,
  DetailsInput,
  FileRefsInput,
  HoursInput,
  PositionSchema,
  PriorityInput,
  ProgressInput,
  ProjectRef,
  ShortTextInput,
  TagInput,
  TagsInput,
  TaskId,
  TaskRefSchema,
  TaskSchema,
  TaskStatusSchema,
  TestStrategyInput,
  TitleInput,
} from '../tasks/task.schema.ts';
import { defineOperation, DESTRUCTIVE, READ_ONLY, WRITE } from './operation.ts';

const editableFields = {
  description: DescriptionInput,
  details: DetailsInput,
  test_strategy: TestStrategyInput,
  acceptance_criteria: CriteriaInput,
  priority: PriorityInput,
  tags: TagsInput,
  file_refs: FileRefsInput,
  assignee: ShortTextInput('assignee').nullable(),
  code_language: ShortTextInput('code_language').nullable(),
  execution_environment: ShortTextInput('execution_environment').nullable(),
  complexity_score: ComplexityInput.nullable(),
  estimated_hours: HoursInput.nullable(),
  position: PositionSchema.nullable(),
};

export const createTask = defineOperation({
  name: 'create_task',
  description:
    'Create a task (or a subtask with parent_id) with optional dependencies on existing tasks. Returns the task with its id.',
  input: z
    .strictObject({
      project_id: ProjectRef.optional(),
      title: TitleInput,
      ...editableFields,
      description: DescriptionInput.default(''),
      priority: PriorityInput.optional(),
      dependencies: DependencyIdsInput.default([]).describe('Ids of tasks this task depends on'),
      tags: TagsInput.default([]),
      parent_id: TaskId.optional().describe('Make this a subtask of that task'),
    })
    .partial({
      details: true,
      test_strategy: true,
      acceptance_criteria: true,
      file_refs: true,
      assignee: true,
      code_language: true,
      execution_environment: true,
      complexity_score: true,
      estimated_hours: true,
      position: true,
    }),
  output: z.object({ task: TaskSchema, message: z.string() }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['task', 'create'] },
});

export const getTask = defineOperation({
  name: 'get_task',
  description:
    'Get one task with its dependencies, dependents, subtasks, failed prerequisites and linked commits.',
  input: z.strictObject({
    task_id: TaskId,
    include_executions: z.boolean().default(false).describe('Include code execution history'),
    include_analysis: z.boolean().default(false).describe('Include complexity analyses'),
  }),
  output: z.object({
    task: TaskSchema,
    dependencies: z.array(TaskRefSchema),
    dependents: z.array(TaskRefSchema),
    subtasks: z.array(TaskRefSchema),
    failed_prerequisites: z
      .array(TaskRefSchema)
      .describe('Direct prerequisites that failed or wait on a failure'),
    commits: z.array(
      z.object({
        hash: z.string(),
        message: z.string(),
        author: z.string().nullable(),
        linked_at: z.string(),
        linked_by: z.string(),
      }),
    ),
    executions: z.array(z.unknown()).optional(),
    analysis: z.array(z.unknown()).optional(),
  }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['task', 'get'], positional: ['task_id'] },
});

const StatusFilter = z.union([TaskStatusSchema, z.array(TaskStatusSchema).min(1)]);

export const ListTasksInput = z.strictObject({
  project_id: ProjectRef.optional(),
  status: StatusFilter.optional().describe('One status or a list'),
  code_language: z.string().optional(),
  tag: TagInput.optional().describe('Only tasks with this tag'),
  assignee: z.string().optional(),
  parent_id: TaskId.nullable()
    .optional()
    .describe('Subtasks of this task; null for top-level tasks only'),
  ready: z.boolean().optional().describe('Only tasks that are ready (true) or not ready (false)'),
  fields: z
    .enum(['full', 'compact'])
    .default('full')
    .describe('compact: id, title, status, priority, dependencies'),
  include_metrics: z
    .boolean()
    .default(false)
    .describe('Include counts by status for the whole project'),
  limit: z.int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
  cursor: z.string().optional().describe('next_cursor of the previous page'),
});

export const MetricsSchema = z.object({
  total: z.int(),
  by_status: z.record(z.string(), z.int()),
  ready: z.int(),
  waiting_on_failed: z.int(),
  percent_completed: z.number(),
});

export const listTasks = defineOperation({
  name: 'list_tasks',
  description:
    'List tasks a page at a time (limit, cursor), filtered by status, language, tag, assignee, parent or readiness. Use fields: "compact" for large projects.',
  input: ListTasksInput,
  output: z.object({
    tasks: z.union([z.array(TaskSchema), z.array(CompactTaskSchema)]),
    count: z.int().describe('Tasks matching the filter, across all pages'),
    next_cursor: z
      .string()
      .nullable()
      .describe('Pass as cursor for the next page; null on the last page'),
    metrics: MetricsSchema.optional(),
  }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['task', 'list'] },
});

export const updateTask = defineOperation({
  name: 'update_task',
  description:
    "Change a task's fields (not its status: use update_task_status). Pass expected_version from the task you read to avoid overwriting someone else's change.",
  input: z
    .strictObject({
      task_id: TaskId,
      expected_version: z
        .int()
        .positive()
        .optional()
        .describe('Refuse with CONFLICT if the task changed since'),
      title: TitleInput,
      ...editableFields,
      progress: ProgressInput,
      parent_id: TaskId.nullable().describe('Move under another task, or null for top level'),
    })
    .partial()
    .required({ task_id: true }),
  output: z.object({ task: TaskSchema, message: z.string(), changed: z.array(z.string()) }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['task', 'update'], positional: ['task_id'] },
});

export const updateTaskStatus = defineOperation({
  name: 'update_task_status',
  description:
    'Move a task to a new status. Completing it makes dependents ready; failing or cancelling it marks dependents as waiting on a failed prerequisite.',
  input: z.strictObject({
    task_id: TaskId,
    status: TaskStatusSchema,
    expected_version: z.int().positive().optional(),
  }),
  output: z.object({
    task: TaskSchema,
    message: z.string(),
    became_ready: z.array(TaskRefSchema),
    now_waiting_on_failed: z.array(TaskRefSchema),
  }),
  annotations: WRITE,
  audience: 'both',
  cli: { command: ['task', 'status'], positional: ['task_id', 'status'] },
});

export const deleteTask = defineOperation({
  name: 'delete_task',
  description:
    'Delete a task and its subtasks permanently. If other tasks depend on it, choose on_dependents: "cascade" deletes them too, "relink" makes them depend on its prerequisites.',
  input: z.strictObject({
    task_id: TaskId,
    on_dependents: z.enum(['refuse', 'cascade', 'relink']).default('refuse'),
  }),
  output: z.object({
    message: z.string(),
    deleted: z.array(TaskRefSchema),
    relinked: z.array(z.object({ task_id: z.int(), depends_on: z.int() })),
  }),
  annotations: DESTRUCTIVE,
  audience: 'both',
  cli: { command: ['task', 'delete'], positional: ['task_id'] },
});

export const taskOperations = {
  create_task: createTask,
  get_task: getTask,
  list_tasks: listTasks,
  update_task: updateTask,
  update_task_status: updateTaskStatus,
  delete_task: deleteTask,
};
