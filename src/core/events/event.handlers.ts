// The event-log and notification operations, bound to their services.
import type { FeatureBinding } from '../handlers.ts';
import { listEvents } from './event-query.ts';
import { NotificationService } from './notification.service.ts';

export const eventHandlers: FeatureBinding<'events'> = ({ store, projects }) => ({
  list_events: (args) => listEvents(store, projects, args),
});

export const notificationHandlers: FeatureBinding<'notifications'> = (services) => {
  const notifications = new NotificationService(services, services.projects);
  return {
    list_notifications: (args) => notifications.list(args),
    mark_notifications_read: (args, context) => notifications.markRead(args, context),
    get_notifications: (args, context) => notifications.own(args, context),
    acknowledge_notifications: (args, context) => notifications.acknowledge(args, context),
  };
};
