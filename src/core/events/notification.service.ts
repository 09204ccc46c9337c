// Reading notifications and marking them read: any recipient's (list, mark read) or the caller's
// own (an agent's by its name, a person's those without a recipient).
import { AppError } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import type { Caller, CallContext } from '../call-context.ts';
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

  /** The caller's own notifications, compact. */
  own(
    input: OperationArgs<'get_notifications'>,
    context: CallContext,
  ): OperationOutput<'get_notifications'> {
    const recipient = recipientOf(context.caller);
    return this.store.read(() => {
      const rows = this.store.notifications.own({
        recipient,
        after_id: input.after_id,
        unread_only: input.unread_only ? 1 : 0,
        limit: input.limit,
      });
      return {
        notifications: rows.map(({ id, kind, task_id, message, created_at, read_at }) => ({
          id,
          kind,
          task_id,
          message,
          created_at,
          read_at,
        })),
        unread: this.store.notifications.unreadCount(recipient),
        next_after_id: rows.at(-1)?.id ?? input.after_id,
      };
    });
  }

  /** Marks the caller's own notifications read; naming someone else's is refused. */
  acknowledge(
    input: OperationArgs<'acknowledge_notifications'>,
    context: CallContext,
  ): OperationOutput<'acknowledge_notifications'> {
    const recipient = recipientOf(context.caller);
    return this.store.write(() => {
      const ids = input.ids ?? this.store.notifications.unreadIds(recipient);
      if (input.ids) this.checkOwn(input.ids, recipient);
      const marked =
        ids.length === 0 ? 0 : this.store.notifications.markRead(ids, this.clock.now());
      if (marked > 0) this.emit.notificationsRead(context, ids, marked);
      const already = ids.length - marked;
      return {
        acknowledged: marked,
        message: `Acknowledged ${marked} notification(s)${already > 0 ? `; ${already} were already read` : ''}.`,
      };
    });
  }

  private checkOwn(ids: readonly number[], recipient: string | null): void {
    const owners = this.store.notifications.recipients(ids);
    const hint = { action: 'see your notifications', operation: 'get_notifications', input: {} };
    const missing = ids.filter((id) => !owners.has(id));
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `No notification with id ${missing.join(', ')}.`,
        { missing },
        [hint],
      );
    }
    const others = ids.filter((id) => owners.get(id) !== recipient);
    if (others.length > 0) {
      throw new AppError(
        'FORBIDDEN',
        `Notification(s) ${others.join(', ')} are addressed to someone else; you can acknowledge only your own. Nothing changed.`,
        { not_yours: others },
        [hint],
      );
    }
  }
}

/** Whose notifications a caller reads: an agent's by its name, a person's have no recipient. */
function recipientOf(caller: Caller): string | null {
  return caller.kind === 'agent' ? caller.name : null;
}
