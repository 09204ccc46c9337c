// Task Master (eyaltoledano/claude-task-master) tasks.json in and out, so its users can move
// over and nobody is locked in: import into a project, export a project in Task Master's layout.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { ProjectRef } from '../tasks/task-inputs.ts';
import { defineOperation, READ_ONLY, WRITE } from './operation.ts';
import { ProjectSchema } from './projects.ops.ts';

/** A tasks.json may hold tens of thousands of tasks with long details; this is far above that. */
export const TASKMASTER_CONTENT_LIMIT = 20_000_000;
/** The id map lists at most this many pairs; the rest follow in file order (message). */
export const ID_MAP_LIMIT = 200;
/** Warnings listed one by one; the rest are counted. */
export const WARNING_LIMIT = 100;

/** The statuses an export writes: those every Task Master version knows. */
export const TASKMASTER_STATUSES = [
  'pending',
  'in-progress',
  'done',
  'review',
  'deferred',
  'cancelled',
] as const;

const TagName = lazy(() =>
  z
    .string()
    .trim()
    .min(1, { error: 'tag must not be empty' })
    .max(200, { error: 'tag must be at most 200 characters' })
    .describe('A tag (Task Master context) of the file, e.g. master'),
);

/** The fields an exported task has; Task Master's own Task type names them so. */
function taskFields() {
  return {
    title: z.string(),
    description: z.string(),
    details: z.string(),
    testStrategy: z.string(),
    status: z.enum(TASKMASTER_STATUSES),
    priority: z.enum(['low', 'medium', 'high', 'critical']),
    dependencies: z.array(z.union([z.int(), z.string()])),
    acceptanceCriteria: z.string().optional().describe('One "- " line per criterion'),
    complexity: z.number().optional(),
    tags: z.array(z.string()).optional(),
    assignee: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  };
}

const TaskMasterSubtaskSchema = lazy(() =>
  z.object({
    id: z.int().positive().describe('Local to the parent: 1, 2, 3…'),
    ...taskFields(),
    dependencies: z
      .array(z.union([z.int(), z.string()]))
      .describe('A sibling by its local id (2), another task\'s subtask dotted ("3.2"), or a task'),
  }),
);

export const TaskMasterTaskSchema = lazy(() =>
  z.object({
    id: z.int().positive(),
    ...taskFields(),
    subtasks: z.array(TaskMasterSubtaskSchema()),
  }),
);

const TaskMasterTagSchema = lazy(() =>
  z.object({
    tasks: z.array(TaskMasterTaskSchema()),
    metadata: z.object({ created: z.string(), updated: z.string(), description: z.string() }),
  }),
);

/** A tasks.json as export_taskmaster writes it: flat, or tagged with one tag. */
export const TaskMasterDocumentSchema = lazy(() =>
  z.union([
    z.object({ tasks: z.array(TaskMasterTaskSchema()) }),
    z.record(z.string(), TaskMasterTagSchema()),
  ]),
);

/**
 * Whether a parsed JSON file looks like Task Master's tasks.json rather than an Orchestron
 * project document: `{"tasks": [...]}`, or tags each holding `{"tasks": [...]}`.
 */
export function isTaskMasterDocument(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if ('format' in record) return false;
  if (Array.isArray(record['tasks'])) return true;
  const tags = Object.values(record);
  return (
    tags.length > 0 &&
    tags.some(
      (tag) =>
        tag !== null &&
        typeof tag === 'object' &&
        Array.isArray((tag as Record<string, unknown>)['tasks']),
    )
  );
}

export const importTaskmaster = defineOperation({
  name: 'import_taskmaster',
  description:
    "Import Task Master's tasks.json (flat or tagged) into a project: tasks, subtasks, statuses, priorities, details, test strategies and dependencies, with new ids; a cycle or broken JSON imports nothing.",
  input: () =>
    z.strictObject({
      content: z
        .string()
        .min(1, { error: 'content must not be empty; pass the text of a tasks.json' })
        .max(TASKMASTER_CONTENT_LIMIT, {
          error: `content is longer than ${TASKMASTER_CONTENT_LIMIT} characters; split the file by tag`,
        })
        .describe('The text of the tasks.json file'),
      project_id: ProjectRef().optional(),
      tag: TagName()
        .optional()
        .describe('Import only this tag of a tagged file; default: every tag'),
      break_cycles: z
        .boolean()
        .default(false)
        .describe(
          'When dependencies form a cycle, drop one per cycle (listed in warnings) instead of importing nothing',
        ),
    }),
  output: () =>
    z.object({
      project: ProjectSchema(),
      tags: z.array(
        z.object({ tag: z.string(), tasks: z.int(), subtasks: z.int(), first_id: z.int() }),
      ),
      task_count: z.int().describe('Tasks created, subtasks included'),
      dependency_count: z.int(),
      id_map: z
        .array(z.tuple([z.string(), z.int()]))
        .describe(
          `[Task Master id, new id] pairs ("3", "3.2"; "tag/3" for several tags), at most ${ID_MAP_LIMIT}`,
        ),
      warnings: z.array(z.string()).describe('What was dropped or adjusted, and why'),
      message: z.string(),
    }),
  annotations: WRITE,
  audience: 'both',
  cli: {
    command: ['taskmaster', 'import'],
    positional: ['content'],
    readText: ['content'],
    render: { kind: 'fields', pairs: ['id_map'] },
  },
});

export const exportTaskmaster = defineOperation({
  name: 'export_taskmaster',
  description:
    "Export a project as Task Master's tasks.json (tagged or flat layout); subtasks nest under their top-level task, ids and dependencies in Task Master's notation.",
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      layout: z
        .enum(['tagged', 'flat'])
        .default('tagged')
        .describe(
          'tagged: {"<tag>": {"tasks": [...], "metadata": …}} (Task Master 0.17+); flat: {"tasks": [...]}',
        ),
      tag: TagName()
        .default('master')
        .describe("The tag of a tagged file; Task Master opens 'master' by default"),
    }),
  output: () =>
    z.object({
      document: TaskMasterDocumentSchema(),
      task_count: z.int().describe('Tasks written, subtasks included'),
      warnings: z.array(z.string()).describe("What Task Master's format cannot hold exactly"),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['taskmaster', 'export'], render: { kind: 'document', field: 'document' } },
});

export const taskmasterOperations = {
  import_taskmaster: importTaskmaster,
  export_taskmaster: exportTaskmaster,
};
