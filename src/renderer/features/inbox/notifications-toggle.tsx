// Asks for permission to show Web notifications, from the person's own click (browsers refuse
// a request made without one), and says what the browser decided.
import { useState } from 'react';
import {
  askForNotifications,
  notificationPermission,
  type NotificationPermissionState,
} from './web-notifications.ts';

export function NotificationsToggle() {
  const [permission, setPermission] = useState<NotificationPermissionState>(notificationPermission);
  if (permission === 'native' || permission === 'unsupported') return null;
  if (permission === 'granted')
    return <span className="inbox-view__note muted">Notifications on</span>;
  if (permission === 'denied')
    return (
      <span className="inbox-view__note muted">
        Notifications are blocked for this page in the browser's site settings
      </span>
    );
  return (
    <button
      type="button"
      className="button--quiet"
      onClick={() => void askForNotifications().then(setPermission)}
    >
      Turn on notifications
    </button>
  );
}
