// Writes one notification with its event, inside the caller's write: the one way the core tells
// a person (recipient null: their inbox) or an agent (recipient: its name) about something.
import type { Notification } from '../../shared/operations/notifications.ops.ts';
import type { CallContext } from '../call-context.ts';
import type { CoreServices } from '../core-service.ts';

export interface NoticeAbout {
  task: { id: number; project_id: number };
  /** An agent's name, or null for the person. */
  recipient: string | null;
  kind: string;
  message: string;
}

export function notify(
  { store, emit, clock }: Pick<CoreServices, 'store' | 'emit' | 'clock'>,
  context: CallContext,
  { task, recipient, kind, message }: NoticeAbout,
): Notification {
  const notification = store.notifications.insert({
    project_id: task.project_id,
    task_id: task.id,
    kind,
    recipient,
    message,
    created_at: clock.now(),
  });
  emit.notificationCreated(context, notification);
  return notification;
}
