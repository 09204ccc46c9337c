// The one place each kind of event is built: a method per kind, taking what happened and
// recording the payload the typed union in src/shared/events declares for it.
import type { EventOf, EventType } from '../../shared/events/event-types.ts';
import type { Commit } from '../../shared/operations/commits.ops.ts';
import type { Intervention } from '../../shared/operations/interventions.ops.ts';
import type { Notification } from '../../shared/operations/notifications.ops.ts';
import type { Project } from '../../shared/operations/projects.ops.ts';
import type { TaskStatus } from '../../shared/tasks/task-fields.ts';
import type { Task, TaskRef } from '../../shared/tasks/task.schema.ts';
import type { CallContext } from '../call-context.ts';
import type { EventWriter } from './event-writer.ts';

/** A task's derived flags as events carry them. */
export interface Flags {
  ready: boolean;
  waiting_on_failed: boolean;
}

interface TaskAt {
  id: number;
  project_id: number;
}

/** Where a run's events are filed: its project, and its task when it has one. */
export interface RunAt {
  project_id: number;
  task_id: number | null;
}

/** A lease as events record it. */
export type LeaseFacts = EventOf<'task.released'>['before'];
export type SessionFacts = EventOf<'session.started'>['after'];

export interface StatusMove {
  status: TaskStatus;
  version: number;
  progress: number;
  started_at: string | null;
  completed_at: string | null;
  updated_at: string;
}

export class Emit {
  private readonly writer: EventWriter;

  constructor(writer: EventWriter) {
    this.writer = writer;
  }

  /** Emits what `body` emits in a few multi-row statements (a cascade over many tasks). */
  batch<T>(body: () => T): T {
    return this.writer.batch(body);
  }

  /** An event about one task. */
  private onTask<T extends EventType>(
    context: CallContext,
    type: T,
    task: TaskAt,
    before: EventOf<T>['before'],
    after: EventOf<T>['after'],
  ): void {
    this.writer.append(context, type, {
      project_id: task.project_id,
      task_id: task.id,
      before,
      after,
    });
  }

  taskProgress(
    context: CallContext,
    task: TaskAt,
    before: EventOf<'task.progress'>['before'],
    after: EventOf<'task.progress'>['after'],
  ): void {
    this.onTask(context, 'task.progress', task, before, after);
  }

  checkpointsChanged(
    context: CallContext,
    task: TaskAt,
    before: EventOf<'task.checkpoints_changed'>['before'],
    after: EventOf<'task.checkpoints_changed'>['after'],
  ): void {
    this.onTask(context, 'task.checkpoints_changed', task, before, after);
  }

  /** A context saved outside any task is recorded without project or task. */
  contextSaved(
    context: CallContext,
    task: TaskAt | null,
    after: EventOf<'context.saved'>['after'],
  ): void {
    this.writer.append(context, 'context.saved', {
      project_id: task?.project_id ?? null,
      task_id: task?.id ?? null,
      before: null,
      after,
    });
  }

  handoffPrepared(
    context: CallContext,
    task: TaskAt,
    after: EventOf<'handoff.prepared'>['after'],
  ): void {
    this.onTask(context, 'handoff.prepared', task, null, after);
  }

  artifactStored(
    context: CallContext,
    task: TaskAt,
    before: EventOf<'artifact.stored'>['before'],
    artifact: EventOf<'artifact.stored'>['after'],
  ): void {
    this.onTask(context, 'artifact.stored', task, before, artifact);
  }

  projectCreated(context: CallContext, project: Project): void {
    this.writer.append(context, 'project.created', {
      project_id: project.id,
      task_id: null,
      before: null,
      after: project,
    });
  }

  projectUpdated(
    context: CallContext,
    projectId: number,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void {
    this.writer.append(context, 'project.updated', {
      project_id: projectId,
      task_id: null,
      before,
      after,
    });
  }

  projectImported(
    context: CallContext,
    projectId: number,
    after: { name: string; task_count: number; renumbered: boolean },
  ): void {
    this.writer.append(context, 'project.imported', {
      project_id: projectId,
      task_id: null,
      before: null,
      after,
    });
  }

  taskCreated(context: CallContext, task: Task): void {
    this.onTask(context, 'task.created', task, null, task);
  }

  taskUpdated(
    context: CallContext,
    task: TaskAt,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void {
    this.onTask(context, 'task.updated', task, before, after);
  }

  statusChanged(
    context: CallContext,
    task: TaskAt,
    before: { status: TaskStatus; version: number },
    after: StatusMove & Flags,
  ): void {
    this.onTask(context, 'task.status_changed', task, before, after);
  }

  taskDeleted(context: CallContext, task: Task): void {
    this.onTask(context, 'task.deleted', task, task, null);
  }

  taskReady(context: CallContext, projectId: number, task: TaskRef): void {
    this.writer.append(context, 'task.ready', {
      project_id: projectId,
      task_id: task.id,
      before: null,
      after: task,
    });
  }

  waitingOnFailed(context: CallContext, task: TaskAt, before: number, after: number): void {
    this.onTask(
      context,
      'task.waiting_on_failed',
      task,
      { failed_prerequisites: before },
      { failed_prerequisites: after },
    );
  }

  failureCleared(context: CallContext, task: TaskAt, before: number, after: number): void {
    this.onTask(
      context,
      'task.failure_cleared',
      task,
      { failed_prerequisites: before },
      { failed_prerequisites: after },
    );
  }

  prerequisiteReopened(
    context: CallContext,
    dependent: TaskAt & { status: TaskStatus },
    prerequisite: TaskRef,
    flags: Flags,
  ): void {
    this.onTask(context, 'task.prerequisite_reopened', dependent, null, {
      prerequisite,
      status: dependent.status,
      ...flags,
    });
  }

  dependencyAdded(
    context: CallContext,
    task: TaskAt & { version: number },
    dependsOn: number,
    flags: Flags,
    reason?: string,
  ): void {
    this.writer.append(context, 'dependency.added', {
      project_id: task.project_id,
      task_id: task.id,
      before: null,
      after: {
        task_id: task.id,
        depends_on: dependsOn,
        ...(reason === undefined ? {} : { reason }),
        version: task.version,
        ...flags,
      },
    });
  }

  dependencyRemoved(
    context: CallContext,
    task: TaskAt & { version: number },
    dependsOn: number,
    flags: Flags,
  ): void {
    this.writer.append(context, 'dependency.removed', {
      project_id: task.project_id,
      task_id: task.id,
      before: { task_id: task.id, depends_on: dependsOn },
      after: { version: task.version, ...flags },
    });
  }

  commitLinked(context: CallContext, task: TaskAt, commit: Commit): void {
    this.onTask(context, 'commit.linked', task, null, commit);
  }

  notificationCreated(context: CallContext, notification: Notification): void {
    this.writer.append(context, 'notification.created', {
      project_id: notification.project_id,
      task_id: notification.task_id,
      before: null,
      after: notification,
    });
  }

  notificationsRead(context: CallContext, ids: number[], marked: number): void {
    this.writer.append(context, 'notifications.read', {
      project_id: null,
      task_id: null,
      before: null,
      after: { ids, marked },
    });
  }

  reviewRequested(
    context: CallContext,
    task: TaskAt,
    after: EventOf<'task.review_requested'>['after'],
  ): void {
    this.onTask(context, 'task.review_requested', task, null, after);
  }

  taskApproved(context: CallContext, task: TaskAt, after: EventOf<'task.approved'>['after']): void {
    this.onTask(context, 'task.approved', task, null, after);
  }

  taskRejected(context: CallContext, task: TaskAt, after: EventOf<'task.rejected'>['after']): void {
    this.onTask(context, 'task.rejected', task, null, after);
  }

  taskClarified(context: CallContext, task: TaskAt, clarificationId: number, text: string): void {
    this.onTask(context, 'task.clarified', task, null, { clarification_id: clarificationId, text });
  }

  taskGateChanged(
    context: CallContext,
    task: TaskAt & { version: number; updated_at: string },
    before: boolean,
    after: boolean,
  ): void {
    this.onTask(
      context,
      'task.gate_changed',
      task,
      { requires_approval: before },
      { requires_approval: after, version: task.version, updated_at: task.updated_at },
    );
  }

  projectGateChanged(
    context: CallContext,
    project: { id: number; updated_at: string },
    before: boolean,
    after: boolean,
  ): void {
    this.writer.append(context, 'project.gate_changed', {
      project_id: project.id,
      task_id: null,
      before: { requires_approval: before },
      after: { requires_approval: after, updated_at: project.updated_at },
    });
  }

  taskClaimed(
    context: CallContext,
    task: TaskAt,
    before: EventOf<'task.claimed'>['before'],
    after: EventOf<'task.claimed'>['after'],
  ): void {
    this.onTask(context, 'task.claimed', task, before, after);
  }

  taskReleased(
    context: CallContext,
    task: TaskAt,
    lease: LeaseFacts,
    after: EventOf<'task.released'>['after'],
  ): void {
    this.onTask(context, 'task.released', task, lease, after);
  }

  leaseExpired(
    context: CallContext,
    task: TaskAt,
    lease: LeaseFacts,
    after: EventOf<'task.lease_expired'>['after'],
  ): void {
    this.onTask(context, 'task.lease_expired', task, lease, after);
  }

  taskPaused(context: CallContext, task: TaskAt, after: EventOf<'task.paused'>['after']): void {
    this.onTask(context, 'task.paused', task, null, after);
  }

  taskResumed(context: CallContext, task: TaskAt, before: EventOf<'task.resumed'>['before']): void {
    this.onTask(context, 'task.resumed', task, before, null);
  }

  sessionStarted(context: CallContext, session: SessionFacts): void {
    this.writer.append(context, 'session.started', {
      project_id: null,
      task_id: null,
      before: null,
      after: session,
    });
  }

  sessionEnded(
    context: CallContext,
    session: SessionFacts,
    after: EventOf<'session.ended'>['after'],
  ): void {
    this.writer.append(context, 'session.ended', {
      project_id: null,
      task_id: null,
      before: session,
      after,
    });
  }

  interventionRequested(context: CallContext, intervention: Intervention): void {
    this.onTask(
      context,
      'intervention.requested',
      interventionTask(intervention),
      null,
      intervention,
    );
  }

  interventionAnswered(context: CallContext, intervention: Intervention): void {
    this.onTask(
      context,
      'intervention.answered',
      interventionTask(intervention),
      { status: 'open' },
      intervention,
    );
  }

  interventionCancelled(context: CallContext, intervention: Intervention): void {
    this.onTask(
      context,
      'intervention.cancelled',
      interventionTask(intervention),
      { status: 'open' },
      intervention,
    );
  }

  /** A run is recorded and its code started (`run` places it in its project and task). */
  runStarted(context: CallContext, run: RunAt, after: EventOf<'run.started'>['after']): void {
    this.writer.append(context, 'run.started', { ...run, before: null, after });
  }

  /** Some of a running program's output, bounded per event and per second by the caller. */
  runOutput(context: CallContext, run: RunAt, after: EventOf<'run.output'>['after']): void {
    this.writer.append(context, 'run.output', { ...run, before: null, after });
  }

  runFinished(context: CallContext, run: RunAt, after: EventOf<'run.finished'>['after']): void {
    this.writer.append(context, 'run.finished', {
      ...run,
      before: { status: 'running' },
      after,
    });
  }

  /** A workflow run's event: about one of its tasks when `at` names one, else about the run. */
  workflow<T extends Extract<EventType, `workflow.${string}`>>(
    context: CallContext,
    type: T,
    at: { project_id: number; id?: number },
    after: EventOf<T>['after'],
  ): void {
    this.writer.append(context, type, {
      project_id: at.project_id,
      task_id: at.id ?? null,
      before: null as EventOf<T>['before'],
      after,
    });
  }

  /** Editor positions saved for a batch of tasks (layout only: no task version moves). */
  tasksPositioned(
    context: CallContext,
    projectId: number,
    positions: EventOf<'tasks.positioned'>['after']['positions'],
  ): void {
    this.writer.append(context, 'tasks.positioned', {
      project_id: projectId,
      task_id: null,
      before: null,
      after: { positions },
    });
  }
}

/** The task a question is about, as events place it. */
function interventionTask(intervention: Intervention): TaskAt {
  return { id: intervention.task_id, project_id: intervention.project_id };
}
