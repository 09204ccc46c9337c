// Choosing what to work on next: the best ready task, why it was chosen, and the runners-up.
import { z } from 'zod';
import { CompactTaskSchema, ProjectRef, TaskSchema } from '../tasks/task.schema.ts';
import { defineOperation, READ_ONLY } from './operation.ts';

export const getNextTask = defineOperation({
  name: 'get_next_task',
  description:
    'The ready task to work on next (highest priority, then the one unblocking the most work), why it was chosen, and ranked alternatives; when nothing is ready, says why.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional(),
      alternatives: z.int().min(0).max(20).default(3).describe('How many runners-up to list'),
    }),
  output: () =>
    z.object({
      task: TaskSchema().nullable(),
      reasons: z.array(z.string()),
      alternatives: z.array(CompactTaskSchema().extend({ unblocks: z.int() })),
      message: z.string(),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: { command: ['next'], aliases: [['task', 'next']], render: { kind: 'message' } },
});

export const nextTaskOperations = { get_next_task: getNextTask };
