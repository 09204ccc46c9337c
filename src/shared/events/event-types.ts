// Every event Orchestron records, as a closed union: each kind names what happened and carries
// what a client needs to bring its copy of the state up to date without reading anything back.
// Events are written by one module per kind in core (src/core/events/emit.ts).
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { ArtifactSchema } from '../operations/artifacts.ops.ts';
import { CommitSchema } from '../operations/commits.ops.ts';
import { InterventionSchema } from '../operations/interventions.ops.ts';
import { NotificationSchema } from '../operations/notifications.ops.ts';
import { ProjectSchema } from '../operations/projects.ops.ts';
import { CheckpointSchema } from '../operations/progress.ops.ts';
import { TaskRefSchema, TaskSchema, TaskStatusSchema } from '../tasks/task.schema.ts';

const Edge = z.object({ task_id: z.int(), depends_on: z.int() });
/** A task's derived flags after a change, so a client needs no read to show them. */
const Flags = { ready: z.boolean(), waiting_on_failed: z.boolean() };
const FailedCount = z.object({ failed_prerequisites: z.int() });
const Fields = z.record(z.string(), z.unknown());
/** A step of an approval: the task's status after it, which gate held it, who submitted it. */
const Review = lazy(() =>
  z.object({
    status: TaskStatusSchema(),
    version: z.int(),
    gate: z.enum(['task', 'project']).nullable(),
    submitted_by: z.string().nullable(),
  }),
);
const Gate = z.object({ requires_approval: z.boolean() });
/** A task's lease as claims, releases and expiries record it. */
const Lease = z.object({
  holder: z.string(),
  session: z.string().nullable(),
  expires_at: z.string().nullable(),
});
const Claim = () =>
  Lease.extend({ status: TaskStatusSchema(), assignee: z.string().nullable(), version: z.int() });
const Pause = z.object({ paused_at: z.string(), paused_by: z.string(), reason: z.string() });
const Session = z.object({
  session_id: z.string(),
  agent: z.string(),
  transport: z.string().nullable(),
  started_at: z.string(),
});

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
      kind('task.review_requested', z.null(), Review().extend({ requested: TaskStatusSchema() })),
      kind('task.approved', z.null(), Review().extend({ note: z.string().nullable() })),
      kind('task.rejected', z.null(), Review().extend({ reason: z.string() })),
      kind('task.clarified', z.null(), z.object({ clarification_id: z.int(), text: z.string() })),
      kind('task.gate_changed', Gate, Gate.extend({ version: z.int(), updated_at: z.string() })),
      kind('project.gate_changed', Gate, Gate.extend({ updated_at: z.string() })),
      kind('intervention.requested', z.null(), InterventionSchema()),
      kind('intervention.answered', z.object({ status: z.literal('open') }), InterventionSchema()),
      kind('intervention.cancelled', z.object({ status: z.literal('open') }), InterventionSchema()),
      kind(
        'task.claimed',
        z.object({ status: TaskStatusSchema(), assignee: z.string().nullable() }),
        Claim(),
      ),
      kind(
        'task.released',
        Lease,
        z.object({
          reason: z.string(),
          status: TaskStatusSchema(),
          assignee: z.string().nullable(),
        }),
      ),
      kind(
        'task.lease_expired',
        Lease,
        z.object({
          expired_at: z.string(),
          last_activity: z.string().nullable(),
          status: TaskStatusSchema(),
          assignee: z.string().nullable(),
        }),
      ),
      kind('task.paused', z.null(), Pause.extend({ released: z.string().nullable() })),
      kind('task.resumed', Pause, z.null()),
      kind('session.started', z.null(), Session),
      kind(
        'session.ended',
        Session,
        z.object({ ended_at: z.string(), released: z.array(z.int()) }),
      ),
      kind(
        'task.progress',
        z.object({ progress: z.int(), version: z.int() }),
        z.object({
          progress: z.int(),
          version: z.int(),
          note: z.string().nullable(),
          source: z.enum(['reported', 'checkpoints']),
          updated_at: z.string(),
        }),
      ),
      kind(
        'task.checkpoints_changed',
        z.object({ steps: z.array(CheckpointSchema()) }),
        z.object({ steps: z.array(CheckpointSchema()), progress: z.int(), version: z.int() }),
      ),
      kind(
        'context.saved',
        z.null(),
        z.object({ owner: z.string(), bytes: z.int(), compressed_bytes: z.int() }),
      ),
      kind(
        'handoff.prepared',
        z.null(),
        z.object({ handoff_id: z.int(), owner: z.string(), next_steps: z.array(z.string()) }),
      ),
      kind(
        'artifact.stored',
        z.object({ size: z.int(), sha256: z.string() }).nullable(),
        ArtifactSchema(),
      ),
      kind(
        'run.started',
        z.null(),
        z.object({
          run_id: z.int(),
          language: z.string(),
          sandbox_kind: z.enum(['bubblewrap', 'rlimits']),
          started_at: z.string(),
        }),
      ),
      kind(
        'run.output',
        z.null(),
        z.object({
          run_id: z.int(),
          seq: z.int(),
          text: z.string(),
          dropped_bytes: z.int().describe('Output left out of the events since the last one'),
        }),
      ),
      kind(
        'run.finished',
        z.object({ status: z.literal('running') }),
        z.object({
          run_id: z.int(),
          status: z.string(),
          exit_code: z.int().nullable(),
          signal: z.string().nullable(),
          duration_ms: z.int().nullable(),
          total_bytes: z.int(),
          truncated: z.boolean(),
        }),
      ),
      kind(
        'workflow.started',
        z.null(),
        z.object({ workflow_run_id: z.int(), total: z.int(), resumed: z.boolean() }),
      ),
      kind(
        'workflow.task_started',
        z.null(),
        z.object({ workflow_run_id: z.int(), attempt: z.int() }),
      ),
      kind(
        'workflow.task_finished',
        z.null(),
        z.object({
          workflow_run_id: z.int(),
          attempt: z.int(),
          outcome: z.enum(['passed', 'failed', 'cancelled']),
          state: z.string().describe("The task's state in the workflow run afterwards"),
          duration_ms: z.int(),
        }),
      ),
      kind(
        'workflow.control_requested',
        z.null(),
        z.object({ workflow_run_id: z.int(), control: z.enum(['pause', 'cancel']) }),
      ),
      kind(
        'workflow.finished',
        z.null(),
        z.object({
          workflow_run_id: z.int(),
          status: z.string(),
          done: z.int(),
          failed: z.int(),
          total: z.int(),
        }),
      ),
      kind(
        'workflow.report_generated',
        z.null(),
        z.object({ workflow_run_id: z.int(), report_id: z.int(), bytes: z.int() }),
      ),
      kind(
        'tasks.positioned',
        z.null(),
        z.object({
          positions: z.array(z.object({ task_id: z.int(), x: z.number(), y: z.number() })),
        }),
      ),
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
