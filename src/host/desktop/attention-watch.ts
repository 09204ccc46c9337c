// What waits for the person, for the tray: the attention state the inbox keeps (open questions,
// tasks waiting for approval, agents that went silent), read once as the page reads it, then
// folded event by event with the shared rules. The count (attentionCount) and each notice
// (notificationFor, which skips an item already in the state) are the page's, so the tray and
// the page never disagree.
import type { Orchestrator } from '../../core/orchestrator.ts';
import {
  applyAttentionEvent,
  attentionCount,
  SILENT_AGENT_KIND,
  type AttentionState,
  type SilentNotice,
} from '../../shared/attention/attention-state.ts';
import { notificationFor, type AttentionNotice } from '../../shared/attention/notification-for.ts';
import type { OrchestronEvent } from '../../shared/events/event-types.ts';
import type { Intervention } from '../../shared/operations/interventions.ops.ts';

/** list_interventions', list_reviews' and get_notifications' largest page, as the inbox reads. */
const PAGE = 100;
/** How deep unread notices are read (older ones are stale), as the inbox reads. */
const NOTIFICATION_PAGES = 10;
/** The person at the desktop, as the inbox reads: their notifications, every project. */
const PERSON = { caller: { kind: 'person' as const, name: 'desktop' } };

async function openQuestions(orchestrator: Orchestrator): Promise<Intervention[]> {
  const page = await orchestrator.call(
    'list_interventions',
    { status: 'open', order: 'urgency', limit: PAGE },
    PERSON,
  );
  // the rows cut the question short; the state holds questions whole, as the page's does
  return Promise.all(
    page.interventions.map(
      async (row) =>
        (await orchestrator.call('get_intervention', { ticket: row.ticket }, PERSON)).intervention,
    ),
  );
}

async function reviews(orchestrator: Orchestrator): Promise<AttentionState['reviews']> {
  return (await orchestrator.call('list_reviews', { limit: PAGE }, PERSON)).reviews;
}

async function silentAgents(orchestrator: Orchestrator): Promise<SilentNotice[]> {
  const silent: SilentNotice[] = [];
  let after = 0;
  for (let pages = 0; pages < NOTIFICATION_PAGES; pages += 1) {
    const page = await orchestrator.call(
      'get_notifications',
      { after_id: after, limit: PAGE },
      PERSON,
    );
    for (const { id, kind, task_id, message, created_at } of page.notifications)
      if (kind === SILENT_AGENT_KIND) silent.push({ id, kind, task_id, message, created_at });
    if (page.notifications.length < PAGE) break;
    after = page.next_after_id;
  }
  return silent;
}

/** What waits for the person now (the tray keeps no history of answered questions). */
export async function readAttention(orchestrator: Orchestrator): Promise<AttentionState> {
  const [questions, inReview, silent] = await Promise.all([
    openQuestions(orchestrator),
    reviews(orchestrator),
    silentAgents(orchestrator),
  ]);
  return { questions, reviews: inReview, silent, history: [] };
}

export interface AttentionWatch {
  dispose(): void;
}

export interface AttentionReports {
  count(count: number): void;
  notice(notice: AttentionNotice): void;
  error(error: unknown): void;
}

export function watchAttention(
  orchestrator: Orchestrator,
  report: AttentionReports,
): AttentionWatch {
  /** Null until the first read is in; events meanwhile wait in `held`. */
  let state: AttentionState | null = null;
  let held: OrchestronEvent[] = [];
  let reading: Promise<void> | null = null;
  let reviewsRead: Promise<void> = Promise.resolve();
  let last = -1;
  let disposed = false;

  const publish = () => {
    if (disposed || state === null) return;
    const count = attentionCount(state);
    if (count === last) return;
    last = count;
    report.count(count);
  };

  // review requests carry no title: the reviews are read back, one read at a time
  const rereadReviews = () => {
    reviewsRead = reviewsRead.then(async () => {
      try {
        const read = await reviews(orchestrator);
        if (state) state = { ...state, reviews: read };
        publish();
      } catch (error) {
        if (!disposed) report.error(error);
      }
    });
  };

  const apply = (event: OrchestronEvent) => {
    const notice = notificationFor(event, state!);
    const step = applyAttentionEvent(state!, event);
    state = step.state;
    if (notice) report.notice(notice);
    if (step.reload === 'reviews') rereadReviews();
  };

  // the events that arrive during the read are applied on top of it (a question the read
  // already holds is neither counted nor announced twice); a failed read is tried again at
  // the next event, and the events before it are in that read
  const read = () => {
    if (reading) return;
    held = [];
    reading = readAttention(orchestrator)
      .then(
        (fresh) => {
          if (disposed) return;
          state = fresh;
          const waiting = held;
          held = [];
          for (const event of waiting) apply(event);
          publish();
        },
        (error) => {
          if (!disposed) report.error(error);
        },
      )
      .finally(() => {
        reading = null;
      });
  };

  const unsubscribe = orchestrator.subscribe((event: OrchestronEvent) => {
    if (disposed) return;
    if (state === null) {
      read();
      held.push(event);
      return;
    }
    apply(event);
    publish();
  });
  read();
  return {
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}
