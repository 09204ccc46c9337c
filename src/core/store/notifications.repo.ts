// SQL for notifications addressed to a person or agent.
import type { Notification } from '../../shared/operations/notifications.ops.ts';
import type { Db } from './database.ts';

export interface NewNotification {
  project_id: number;
  task_id: number | null;
  kind: string;
  recipient: string | null;
  message: string;
  created_at: string;
}

export interface NotificationQuery {
  after_id: number;
  project_id: number | null;
  recipient: string | null;
  unread_only: 0 | 1;
  limit: number;
}

export interface OwnQuery {
  recipient: string | null;
  after_id: number;
  unread_only: 0 | 1;
  limit: number;
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;

export function createNotificationsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO notifications (project_id, task_id, kind, recipient, message, created_at) VALUES (@project_id, @task_id, @kind, @recipient, @message, @created_at)',
  );
  const columns = 'id, project_id, task_id, kind, recipient, message, created_at, read_at';
  const page = db.prepare<NotificationQuery, Notification>(
    `SELECT ${columns} FROM notifications
     WHERE id > @after_id AND (@project_id IS NULL OR project_id = @project_id)
       AND (@recipient IS NULL OR recipient = @recipient) AND (@unread_only = 0 OR read_at IS NULL)
     ORDER BY id LIMIT @limit`,
  );
  const markRead = db.prepare<[string, string]>(
    'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND id IN (SELECT value FROM json_each(?))',
  );
  const existing = db.prepare<[string], { id: number }>(
    'SELECT id FROM notifications WHERE id IN (SELECT value FROM json_each(?))',
  );
  // `recipient IS @recipient` matches NULL too: a person's notifications have no recipient
  const own = db.prepare<OwnQuery, Notification>(
    `SELECT ${columns} FROM notifications
     WHERE recipient IS @recipient AND id > @after_id AND (@unread_only = 0 OR read_at IS NULL)
     ORDER BY id LIMIT @limit`,
  );
  const unreadOwn = db.prepare<{ recipient: string | null }, { n: number }>(
    'SELECT count(*) AS n FROM notifications WHERE recipient IS @recipient AND read_at IS NULL',
  );
  const unreadOwnIds = db.prepare<{ recipient: string | null }, { id: number }>(
    'SELECT id FROM notifications WHERE recipient IS @recipient AND read_at IS NULL ORDER BY id',
  );
  const recipients = db.prepare<[string], { id: number; recipient: string | null }>(
    'SELECT id, recipient FROM notifications WHERE id IN (SELECT value FROM json_each(?))',
  );
  return {
    insert: (notification: NewNotification): Notification => {
      const id = Number(insert.run(notification).lastInsertRowid);
      return { id, ...notification, read_at: null };
    },
    page: (query: NotificationQuery): Notification[] => page.all(query),
    /** Returns how many were unread. */
    markRead: (ids: readonly number[], at: string): number =>
      markRead.run(at, JSON.stringify(ids)).changes,
    existing: (ids: readonly number[]): number[] =>
      existing.all(JSON.stringify(ids)).map((row) => row.id),
    /** One recipient's own notifications (NULL: the person's). */
    own: (query: OwnQuery): Notification[] => own.all(query),
    unreadCount: (recipient: string | null): number => unreadOwn.get({ recipient })!.n,
    unreadIds: (recipient: string | null): number[] =>
      unreadOwnIds.all({ recipient }).map((row) => row.id),
    /** Who each of `ids` is addressed to; ids that do not exist are left out. */
    recipients: (ids: readonly number[]): Map<number, string | null> =>
      new Map(recipients.all(JSON.stringify(ids)).map((row) => [row.id, row.recipient])),
  };
}
