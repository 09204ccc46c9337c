// Reading notifications and marking them read.
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import type { ProjectService } from '../projects/project.service.ts';

export class NotificationService extends CoreService {
  private readonly projects: ProjectService;

  constructor(services: CoreServices, projects: ProjectService) {
    super(services);
    this.projects = projects;
  }

  list(input: OperationArgs<'list_notifications'>): OperationOutput<'list_notifications'> {
    const notifications = this.store.notifications.page({
      after_id: input.after_id,
      project_id:
        input.project_id === undefined ? null : this.projects.resolve(input.project_id).id,
      recipient: input.recipient ?? null,
      unread_only: input.unread_only ? 1 : 0,
      limit: input.limit,
    });
    return { notifications, next_after_id: notifications.at(-1)?.id ?? input.after_id };
  }

  markRead(
    input: OperationArgs<'mark_notifications_read'>,
    context: CallContext,
  ): OperationOutput<'mark_notifications_read'> {
    return this.store.write(() => {
      const found = new Set(this.store.notifications.existing(input.ids));
      const missing = input.ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new AppError(
          'NOT_FOUND',
          `No notification with id ${missing.join(', ')}.`,
          { missing },
          [{ action: 'find the ids', operation: 'list_notifications', input: {} }],
        );
      }
      const marked = this.store.notifications.markRead(input.ids, this.clock.now());
      if (marked > 0) {
        this.emit.notificationsRead(context, input.ids, marked);
      }
      return { marked, message: `Marked ${marked} notification(s) read.` };
    });
  }
}
