// Keeps the page telling the person what waits: the count in document.title (always), and a
// Web notification per new question, review request or silent agent where the person allowed
// them. In the desktop app the shell shows native notifications instead, so the page does not.
import { attentionCount } from '../../../shared/attention/attention-state.ts';
import { titleWithBadge } from '../../../shared/attention/badge.ts';
import type { AttentionNotice } from '../../../shared/attention/notification-for.ts';
import type { AttentionModel } from '../../stores/attention-store.ts';
import { canShowWebNotifications } from './web-notifications.ts';

interface Upkeep {
  users: number;
  stop: () => void;
}

const upkeeps = new WeakMap<AttentionModel, Upkeep>();

/** The inbox, scrolled to the item a notification was about; the shell follows the address. */
export function openInInbox(key: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('view', 'inbox');
  url.hash = key;
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function showNotice(notice: AttentionNotice): void {
  if (!canShowWebNotifications()) return;
  const shown = new Notification(notice.title, { body: notice.body, tag: notice.target.key });
  shown.onclick = () => {
    window.focus();
    openInInbox(notice.target.key);
    shown.close();
  };
}

function start(model: AttentionModel): () => void {
  const bare = titleWithBadge(document.title, 0);
  const showCount = () => {
    document.title = titleWithBadge(bare, attentionCount(model.store.getState()));
  };
  showCount();
  const stopTitle = model.store.subscribe(showCount);
  const stopNotices = model.onNotice(showNotice);
  return () => {
    stopTitle();
    stopNotices();
    document.title = bare;
  };
}

/** Ref-counted per store: several mounted views share one title and one notification stream. */
export function keepPageInformed(model: AttentionModel): () => void {
  let upkeep = upkeeps.get(model);
  if (!upkeep) {
    upkeep = { users: 0, stop: () => {} };
    upkeeps.set(model, upkeep);
  }
  upkeep.users += 1;
  if (upkeep.users === 1) upkeep.stop = start(model);
  const held = upkeep;
  return () => {
    held.users -= 1;
    if (held.users === 0) held.stop();
  };
}
