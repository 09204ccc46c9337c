// The event log as an operation: the audit trail of who changed what, and a feed to poll.
import { z } from 'zod';
import { PAGE_LIMITS } from '../tasks/task-fields.ts';
import { ProjectRef, TaskId } from '../tasks/task.schema.ts';
import { EventSchema } from '../events/event-types.ts';
import { defineOperation, READ_ONLY } from './operation.ts';

export { EventSchema, type OrchestronEvent } from '../events/event-types.ts';

export const listEvents = defineOperation({
  name: 'list_events',
  description:
    'Read the event log (audit trail) oldest first: every change with its actor and before/after values. Poll with after_id to follow changes.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional().describe('Only this project; all projects when omitted'),
      task_id: TaskId().optional(),
      after_id: z
        .int()
        .min(0)
        .default(0)
        .describe('Only events with a larger id (next_after_id of the last call)'),
      limit: z.int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
    }),
  output: () => z.object({ events: z.array(EventSchema()), next_after_id: z.int() }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['events'],
    render: { kind: 'list', field: 'events', columns: ['id', 'at', 'actor', 'type', 'task_id'] },
  },
});

export const eventOperations = { list_events: listEvents };
