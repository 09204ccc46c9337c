// The count of what waits for the person, for the app header: a pill that links to the inbox.
// Mounting it also keeps the count in the window title and the notifications going.
import { attentionCount } from '../../../shared/attention/attention-state.ts';
import { badgeText } from '../../../shared/attention/badge.ts';
import { openInInbox } from './page-attention.ts';
import { useAttention, useAttentionRunning } from './use-attention.ts';

export function AttentionBadge() {
  useAttentionRunning();
  const count = useAttention(attentionCount);
  const text = badgeText(count);
  return (
    <button
      type="button"
      className="attention-badge button--quiet"
      data-count={count}
      aria-label={count === 0 ? 'Inbox: nothing waits for you' : `Inbox: ${count} waiting for you`}
      onClick={() => openInInbox('')}
    >
      Inbox
      {text !== '' && <span className="attention-badge__count">{text}</span>}
    </button>
  );
}

/** Just the count, for a tab label ("Inbox 3"): nothing when nothing waits. */
export function AttentionCount() {
  useAttentionRunning();
  const count = useAttention(attentionCount);
  const text = badgeText(count);
  if (text === '') return null;
  return (
    <span className="attention-badge__count" aria-label={`${count} waiting`} data-count={count}>
      {text}
    </span>
  );
}
