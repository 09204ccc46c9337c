// What waits for the person, for the tray: the count (open questions, tasks waiting for
// approval, agents that went silent: the same three the inbox shows) and a notice for each new
// one, decided by the shared attention rules so the tray and the page never disagree.
import type { Orchestrator } from '../../core/orchestrator.ts';
import { SILENT_AGENT_KIND, EMPTY_ATTENTION } from '../../shared/attention/attention-state.ts';
import { notificationFor, type AttentionNotice } from '../../shared/attention/notification-for.ts';
import type { OrchestronEvent } from '../../shared/events/event-types.ts';

/** Events that can move the count; other kinds never do, so they cost no read. */
const COUNTED_EVENT =
  /^(intervention\.|notification|task\.(review_requested|approved|rejected|status_changed|deleted)|project\.)/;
/** A burst of events (an import, a cascade delete) is recounted once, this long after it starts. */
const RECOUNT_DELAY_MS = 150;
/** get_notifications' largest page, and how deep unread notices are read (older ones are stale). */
const PAGE = 100;
const NOTIFICATION_PAGES = 10;
/** The person at the desktop, as the inbox reads: their notifications, every project. */
const PERSON = { caller: { kind: 'person' as const, name: 'desktop' } };

async function silentAgents(orchestrator: Orchestrator): Promise<number> {
  let count = 0;
  let after = 0;
  for (let pages = 0; pages < NOTIFICATION_PAGES; pages += 1) {
    const page = await orchestrator.call(
      'get_notifications',
      { after_id: after, limit: PAGE },
      PERSON,
    );
    count += page.notifications.filter((n) => n.kind === SILENT_AGENT_KIND).length;
    if (page.notifications.length < PAGE) break;
    after = page.next_after_id;
  }
  return count;
}

function isUrgent(event: OrchestronEvent): boolean {
  return (
    event.type === 'intervention.requested' &&
    (event.after.urgency === 'high' || event.after.urgency === 'critical')
  );
}

export async function countAttention(orchestrator: Orchestrator): Promise<number> {
  const questions = await orchestrator.call(
    'list_interventions',
    { status: 'open', limit: 1 },
    PERSON,
  );
  const reviews = await orchestrator.call('list_reviews', { limit: 1 }, PERSON);
  return questions.count + reviews.count + (await silentAgents(orchestrator));
}

export interface AttentionWatch {
  dispose(): void;
}

export interface AttentionReports {
  count(count: number): void;
  /** `urgent`: a question asked with high or critical urgency (kept on screen until seen). */
  notice(notice: AttentionNotice, urgent: boolean): void;
  error(error: unknown): void;
}

export function watchAttention(
  orchestrator: Orchestrator,
  report: AttentionReports,
): AttentionWatch {
  let last = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const recount = () => {
    timer = undefined;
    countAttention(orchestrator).then((count) => {
      if (disposed || count === last) return;
      last = count;
      report.count(count);
    }, report.error);
  };
  const unsubscribe = orchestrator.subscribe((event: OrchestronEvent) => {
    // each event reaches this process once, so nothing was announced before: no state to dedupe
    const notice = notificationFor(event, EMPTY_ATTENTION);
    if (notice) report.notice(notice, isUrgent(event));
    if (COUNTED_EVENT.test(event.type) && timer === undefined)
      timer = setTimeout(recount, RECOUNT_DELAY_MS);
  });
  recount();
  return {
    dispose() {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
