// The one place each kind of event is built: a method per kind, taking what happened and
// recording the payload the typed union in src/shared/events declares for it.
import type { EventOf, EventType } from '../../shared/events/event-types.ts';
import type { Commit } from '../../shared/operations/commits.ops.ts';
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
}
