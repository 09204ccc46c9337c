// The task's activity, newest first, from the event log: who did what and when. New events
// arrive live; the list stays short on screen and expands on request.
import { useState } from 'react';
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import { actorName, describeEvent } from './describe-event.ts';

/** Shown before "Show all": enough to see the recent story without a long scroll. */
const FIRST_SHOWN = 20;

export function TimelineSection({
  taskId,
  events,
}: {
  taskId: number;
  events: readonly OrchestronEvent[];
}) {
  const [all, setAll] = useState(false);
  const newest = [...events].reverse();
  const shown = all ? newest : newest.slice(0, FIRST_SHOWN);
  return (
    <section className="inspector-section" aria-labelledby="inspector-timeline">
      <h3 id="inspector-timeline">Activity</h3>
      <ol className="timeline">
        {shown.map((event) => (
          <li key={event.id} data-event-type={event.type}>
            <time dateTime={event.at} title={new Date(event.at).toLocaleString()}>
              {new Date(event.at).toLocaleTimeString()}
            </time>
            <span className="timeline__actor">{actorName(event.actor)}</span>
            <span className="timeline__text">{describeEvent(event, taskId)}</span>
          </li>
        ))}
      </ol>
      {newest.length > shown.length && (
        <button type="button" className="button--quiet" onClick={() => setAll(true)}>
          Show all {newest.length}
        </button>
      )}
    </section>
  );
}
