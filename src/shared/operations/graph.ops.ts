// Whole-graph operations: the ready set, execution order, critical path and graph export.
import { z } from 'zod';
import { PAGE_LIMITS } from '../tasks/task-fields.ts';
import {
  CompactTaskSchema,
  ProjectRef,
  TaskId,
  TaskRefSchema,
  TaskStatusSchema,
} from '../tasks/task.schema.ts';
import { defineOperation, READ_ONLY } from './operation.ts';

/** Text graphs beyond this many nodes are unreadable and flood a context window. */
export const GRAPH_NODE_LIMITS = { default: 2_000, max: 100_000 } as const;

export const getReadyTasks = defineOperation({
  name: 'get_ready_tasks',
  description:
    'List tasks ready to start (pending, every dependency completed), highest priority first, a page at a time.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      limit: z.int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
      cursor: z.string().optional(),
    }),
  output: () =>
    z.object({
      tasks: z.array(CompactTaskSchema()),
      count: z.int(),
      next_cursor: z.string().nullable(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['task', 'ready'], render: { kind: 'list', field: 'tasks' } },
});

export const getExecutionOrder = defineOperation({
  name: 'get_execution_order',
  description:
    "Topological order of the project in waves: each wave's tasks depend only on earlier waves, so a wave can run in parallel.",
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      include_completed: z.boolean().default(false),
    }),
  output: () => z.object({ waves: z.array(z.array(z.int())), task_count: z.int() }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['graph', 'order'], render: { kind: 'fields' } },
});

export const getCriticalPath = defineOperation({
  name: 'get_critical_path',
  description:
    'The longest chain of dependent tasks by estimated hours (1 hour where unknown): what bounds the finish date.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      include_completed: z.boolean().default(false),
    }),
  output: () =>
    z.object({
      path: z.array(TaskRefSchema().extend({ estimated_hours: z.number().nullable() })),
      total_hours: z.number(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['graph', 'critical-path'], render: { kind: 'list', field: 'path' } },
});

export const GraphJsonSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.int(),
      title: z.string(),
      status: TaskStatusSchema(),
      priority: z.int(),
      parent_id: z.int().nullable(),
      ready: z.boolean(),
      waiting_on_failed: z.boolean(),
      position: z.object({ x: z.number(), y: z.number() }).nullable(),
    }),
  ),
  edges: z.array(z.object({ task_id: z.int(), depends_on: z.int() })),
});

export const getTaskGraph = defineOperation({
  name: 'get_task_graph',
  description:
    "The dependency graph as JSON (nodes, edges), Mermaid or DOT. Pass task_id for one task's prerequisites and dependents only.",
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      format: z.enum(['json', 'mermaid', 'dot']).default('json'),
      task_id: TaskId()
        .optional()
        .describe('Only this task, everything it depends on and everything depending on it'),
      include_completed: z.boolean().default(true),
      max_nodes: z.int().min(1).max(GRAPH_NODE_LIMITS.max).default(GRAPH_NODE_LIMITS.default),
    }),
  output: () =>
    z.object({
      format: z.enum(['json', 'mermaid', 'dot']),
      graph: z.union([z.string(), GraphJsonSchema]),
      node_count: z.int(),
      edge_count: z.int(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['graph'], render: { kind: 'text', field: 'graph' } },
});

export const graphOperations = {
  get_ready_tasks: getReadyTasks,
  get_execution_order: getExecutionOrder,
  get_critical_path: getCriticalPath,
  get_task_graph: getTaskGraph,
};
