// Whether the list follows changes as they happen: "Live" while the event feed is connected,
// "Reconnecting…" while it is not. It carries the id of the last event the list reflects
// (data-synced-event), which tests and benchmarks wait on.
import { useSyncExternalStore } from 'react';
import { useClient } from '../../client/client-context.tsx';
import type { FeedState, FeedStatus } from '../../client/feed-status.ts';
import { useTaskList } from './use-task-list.ts';

const LABELS: Record<FeedState, string> = {
  idle: 'Not following changes',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

const TITLES: Record<FeedState, string> = {
  idle: 'Changes appear after a reload.',
  connecting: 'Connecting to the event feed.',
  live: 'Changes made anywhere (CLI, agents, other windows) appear here as they happen.',
  reconnecting: 'The server is not answering; changes made meanwhile appear once it does.',
};

const NO_FEED: FeedStatus = {
  state: 'idle',
  onStateChange: () => () => {},
  whenLive: () => new Promise(() => {}),
  snapshotAt: () => {},
};

export function LiveIndicator() {
  const feed = useClient().feed ?? NO_FEED;
  const state = useSyncExternalStore(feed.onStateChange, () => feed.state);
  const syncedTo = useTaskList((list) => list.syncedTo);
  return (
    <span
      className={`live-indicator live-indicator--${state}`}
      role="status"
      title={TITLES[state]}
      data-synced-event={syncedTo}
    >
      {LABELS[state]}
    </span>
  );
}
