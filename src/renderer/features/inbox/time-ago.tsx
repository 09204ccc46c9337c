// A moment as "4 min ago", with the exact time on hover and for screen readers; it moves on by
// itself, so a card left open does not keep saying "just now".
import { useEffect, useState } from 'react';
import { relativeTime } from '../../../shared/attention/agent-presence.ts';

/** Relative times are read in minutes: a refresh every 30 s keeps them right to the minute. */
const REFRESH_MS = 30_000;

function useNow(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function TimeAgo({ at }: { at: string }) {
  const now = useNow();
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {relativeTime(at, now)}
    </time>
  );
}
