// Turns a notice the core sent (decided by the shared attention rules, as the page's Web
// notifications are: a new question from an agent, a request for approval, an agent gone
// silent, and whether it is urgent) into a native notification, and says where its click
// leads. Only the app's window is ever focused; nothing here opens a URL. What is desktop-only
// stays here: the platform's fields, and not notifying while the person looks at the window.
import type { AttentionNotice } from '../shared/attention/notification-for.ts';
import type { FocusTarget } from '../shared/desktop/desktop-bridge.ts';

export interface NativeNotice {
  title: string;
  body: string;
  /** Linux: critical stays on screen until dismissed; Windows: 'never' does the same. */
  urgency: 'normal' | 'critical';
  timeoutType: 'default' | 'never';
  /** Where a click on it brings the window. */
  focus: FocusTarget;
}

/** Notification bodies are plain text on every platform; stray control characters are dropped. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

export function nativeNotice(notice: AttentionNotice): NativeNotice {
  const { key, ticket } = notice.target;
  const { urgent } = notice;
  const focus: FocusTarget =
    ticket === undefined ? { view: 'inbox', key } : { view: 'inbox', key, ticket };
  return {
    title: plain(notice.title),
    body: plain(notice.body),
    urgency: urgent ? 'critical' : 'normal',
    timeoutType: urgent ? 'never' : 'default',
    focus,
  };
}

/**
 * Not while the person is looking at the window: the page shows the new item and the badge
 * moves. Hidden to the tray, minimised or behind another app, it notifies.
 */
export function shouldNotify(window: {
  exists: boolean;
  focused: boolean;
  visible: boolean;
}): boolean {
  return !(window.exists && window.focused && window.visible);
}
