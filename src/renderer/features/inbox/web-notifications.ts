// The Web Notifications API as the inbox uses it: whether the page may show one, and asking the
// person for permission (only from their click: browsers refuse a request made without one).
import { shellCapabilities } from '../../client/capabilities.ts';

export type NotificationPermissionState = 'unsupported' | 'native' | NotificationPermission;

export function notificationPermission(): NotificationPermissionState {
  // the desktop shell shows native notifications itself; the page would only double them
  if (shellCapabilities().nativeNotifications) return 'native';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

export function canShowWebNotifications(): boolean {
  return notificationPermission() === 'granted';
}

/** Call from a click handler. Resolves to the permission the person gave. */
export async function askForNotifications(): Promise<NotificationPermissionState> {
  if (notificationPermission() !== 'default') return notificationPermission();
  return Notification.requestPermission();
}
