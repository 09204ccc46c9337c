// Every event Orchestron records, as a closed union: each kind names what happened and carries
// what a client needs to bring its copy of the state up to date without reading anything back.
// Events are written by one module per kind in core (src/core/events/emit.ts).
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { CommitSchema } from '../operations/commits.ops.ts';
import { NotificationSchema } from '../operations/notifications.ops.ts';
import { ProjectSchema } from '../operations/projects.ops.ts';
import { TaskRefSchema, TaskSchema, TaskStatusSchema } from '../tasks/task.schema.ts';

const Edge = z.object({ task_id: z.int(), depends_on: z.int() });
/** A task's derived flags after a change, so a client needs no read to show them. */
const Flags = { ready: z.boolean(), waiting_on_failed: z.boolean() };
const FailedCount = z.object({ failed_prerequisites: z.int() });
const Fields = z.record(z.string(), z.unknown());

const kind = <T extends string, B extends z.ZodType, A extends z.ZodType>(
  type: T,
  before: B,
  after: A,
) =>
  z.object({
    id: z.int(),
    at: z.string(),
    actor: z.string(),
    type: z.literal(type),
    project_id: z.int().nullable(),
    task_id: z.int().nullable(),
    before,
    after,
  });

const eventKinds = lazy(
  () =>
    [
      kind('project.created', z.null(), ProjectSchema()),
      kind('project.updated', Fields, Fields),
      kind(
        'project.imported',
        z.null(),
        z.object({ name: z.string(), task_count: z.int(), renumbered: z.boolean() }),
      ),
      kind('task.created', z.null(), TaskSchema()),
      kind('task.updated', Fields, Fields),
      kind(
        'task.status_changed',
        z.object({ status: TaskStatusSchema(), version: z.int() }),
        z.object({
          status: TaskStatusSchema(),
          version: z.int(),
          progress: z.int(),
          started_at: z.string().nullable(),
          completed_at: z.string().nullable(),
          updated_at: z.string(),
          ...Flags,
        }),
      ),
      kind('task.deleted', TaskSchema(), z.null()),
      kind('task.ready', z.null(), TaskRefSchema()),
      kind('task.waiting_on_failed', FailedCount, FailedCount),
      kind('task.failure_cleared', FailedCount, FailedCount),
      kind(
        'task.prerequisite_reopened',
        z.null(),
        z.object({ prerequisite: TaskRefSchema(), status: TaskStatusSchema(), ...Flags }),
      ),
      kind(
        'dependency.added',
        z.null(),
        Edge.extend({ reason: z.string().optional(), version: z.int(), ...Flags }),
      ),
      kind('dependency.removed', Edge, z.object({ version: z.int(), ...Flags })),
      kind('commit.linked', z.null(), CommitSchema()),
      kind('notification.created', z.null(), NotificationSchema()),
      kind('notifications.read', z.null(), z.object({ ids: z.array(z.int()), marked: z.int() })),
    ] as const,
);

export const EventSchema = lazy(() => z.discriminatedUnion('type', eventKinds()));

export type OrchestronEvent = z.infer<ReturnType<typeof EventSchema>>;
export type EventType = OrchestronEvent['type'];
export type EventOf<T extends EventType> = Extract<OrchestronEvent, { type: T }>;

/** Every kind of event there is. */
export function eventTypes(): EventType[] {
  return eventKinds().map((schema) => schema.shape.type.value);
}
