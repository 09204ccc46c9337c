// SQL for notifications addressed to a person or agent.
import type { Db } from './database.ts';

export interface NewNotification {
  project_id: number;
  task_id: number | null;
  kind: string;
  recipient: string | null;
  message: string;
  created_at: string;
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;

export function createNotificationsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO notifications (project_id, task_id, kind, recipient, message, created_at) VALUES (@project_id, @task_id, @kind, @recipient, @message, @created_at)',
  );
  return {
    insert: (notification: NewNotification): number =>
      Number(insert.run(notification).lastInsertRowid),
  };
}
