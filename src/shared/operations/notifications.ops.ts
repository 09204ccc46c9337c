// Notifications addressed to a person or agent (e.g. "your task is ready"), read and marked
// read a page at a time.
import { z } from 'zod';
import { lazy } from '../lazy.ts';
import { PAGE_LIMITS, TASK_LIMITS } from '../tasks/task-fields.ts';
import { ProjectRef } from '../tasks/task.schema.ts';
import { defineOperation, IDEMPOTENT_WRITE, READ_ONLY } from './operation.ts';

export const NotificationSchema = lazy(() =>
  z.object({
    id: z.int(),
    project_id: z.int(),
    task_id: z.int().nullable(),
    kind: z.string(),
    recipient: z.string().nullable(),
    message: z.string(),
    created_at: z.string(),
    read_at: z.string().nullable(),
  }),
);

export type Notification = z.infer<ReturnType<typeof NotificationSchema>>;

export const listNotifications = defineOperation({
  name: 'list_notifications',
  description:
    'List notifications oldest first, e.g. that a task assigned to you became ready. Filter by recipient; unread only by default.',
  input: () =>
    z.strictObject({
      project_id: ProjectRef().optional().describe('Only this project; all projects when omitted'),
      recipient: z
        .string()
        .trim()
        .min(1)
        .max(TASK_LIMITS.shortText)
        .optional()
        .describe('An assignee name'),
      unread_only: z.boolean().default(true),
      after_id: z.int().min(0).default(0).describe('Only notifications with a larger id'),
      limit: z.int().min(1).max(PAGE_LIMITS.max).default(PAGE_LIMITS.default),
    }),
  output: () => z.object({ notifications: z.array(NotificationSchema()), next_after_id: z.int() }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['notifications', 'list'],
    render: {
      kind: 'list',
      field: 'notifications',
      columns: ['id', 'created_at', 'recipient', 'task_id', 'message'],
    },
  },
});

export const markNotificationsRead = defineOperation({
  name: 'mark_notifications_read',
  description: 'Mark notifications as read by id. Ones already read keep their first read time.',
  input: () =>
    z.strictObject({
      ids: z
        .array(z.int().positive())
        .min(1, { error: 'ids must name at least one notification' })
        .max(PAGE_LIMITS.max),
    }),
  output: () => z.object({ marked: z.int(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: { command: ['notifications', 'read'], positional: ['ids'], render: { kind: 'message' } },
});

/** One of your notifications, compact: what happened, about which task, in at most 200 characters. */
export const OwnNotificationSchema = lazy(() =>
  NotificationSchema().pick({
    id: true,
    kind: true,
    task_id: true,
    message: true,
    created_at: true,
    read_at: true,
  }),
);

export const getNotifications = defineOperation({
  name: 'get_notifications',
  description:
    'Your notifications (unread by default), oldest first: a prerequisite completed, your lease expired, your question was answered, your task was rejected.',
  input: () =>
    z.strictObject({
      unread_only: z.boolean().default(true),
      after_id: z.int().min(0).default(0).describe('Only notifications with a larger id'),
      limit: z.int().min(1).max(100).default(20),
    }),
  output: () =>
    z.object({
      notifications: z.array(OwnNotificationSchema()),
      unread: z.int().describe('How many of yours are unread in all'),
      next_after_id: z.int().describe('Pass as after_id for the next page'),
    }),
  annotations: READ_ONLY,
  audience: 'both',
  cli: {
    command: ['notifications', 'mine'],
    render: {
      kind: 'list',
      field: 'notifications',
      columns: ['id', 'kind', 'task_id', 'message'],
    },
  },
});

export const acknowledgeNotifications = defineOperation({
  name: 'acknowledge_notifications',
  description: 'Mark your own notifications read: the ids you name, or all of them with all: true.',
  input: () =>
    z
      .strictObject({
        ids: z
          .array(z.int().positive())
          .min(1, { error: 'ids must name at least one notification' })
          .max(PAGE_LIMITS.max)
          .optional(),
        all: z.boolean().default(false).describe('Every unread notification of yours'),
      })
      .refine((input) => (input.ids !== undefined) !== input.all, {
        error: 'give the ids to acknowledge, or all: true for every one of yours (one of the two)',
        path: ['ids'],
      }),
  output: () => z.object({ acknowledged: z.int(), message: z.string() }),
  annotations: IDEMPOTENT_WRITE,
  audience: 'both',
  cli: { command: ['notifications', 'ack'], positional: ['ids'], render: { kind: 'message' } },
});

export const notificationOperations = {
  list_notifications: listNotifications,
  mark_notifications_read: markNotificationsRead,
  get_notifications: getNotifications,
  acknowledge_notifications: acknowledgeNotifications,
};
