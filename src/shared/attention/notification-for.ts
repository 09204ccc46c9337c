// Which events deserve a native (desktop) or Web notification, and what it says: a new question
// from an agent, an agent whose lease expired, a request for approval. Everything else only
// moves the badge. Pure, so the desktop shell and the browser page decide alike.
import type { OrchestronEvent } from '../events/event-types.ts';
import { SILENT_AGENT_KIND, type AttentionState } from './attention-state.ts';

/** A question's body is cut here: a notification shows two or three lines at most. */
const BODY_MAX = 180;

export type AttentionItem = 'question' | 'review' | 'silent';

/** Where a click on the notification leads: the inbox, scrolled to this item. */
export interface AttentionTarget {
  view: 'inbox';
  item: AttentionItem;
  /** Unique per item, also the notification's tag: "question-Q-7", "review-12", "silent-40". */
  key: string;
  /** The question's ticket, for a question (the desktop shell's focus target names it). */
  ticket?: string;
  task_id: number | null;
  project_id: number | null;
}

export interface AttentionNotice {
  title: string;
  body: string;
  /** A question asked with high or critical urgency: kept on screen until the person sees it. */
  urgent: boolean;
  target: AttentionTarget;
}

function cut(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** What the person did themselves (from the page or the terminal) is not news to them. */
function byPerson(actor: string): boolean {
  return actor.startsWith('human:') || actor.startsWith('cli:');
}

function target(event: OrchestronEvent, item: AttentionItem, key: string): AttentionTarget {
  return { view: 'inbox', item, key, task_id: event.task_id, project_id: event.project_id };
}

/**
 * The notification an event deserves, or null. `state` is the attention state before the event
 * is applied: an item it already holds was announced (or seen) before and is not announced twice.
 */
export function notificationFor(
  event: OrchestronEvent,
  state: AttentionState,
): AttentionNotice | null {
  if (byPerson(event.actor)) return null;
  if (event.type === 'intervention.requested') {
    const question = event.after;
    if (question.agent === null || question.status !== 'open') return null;
    if (state.questions.some((q) => q.ticket === question.ticket)) return null;
    const urgent = question.urgency === 'high' || question.urgency === 'critical';
    const options = question.options
      ? `\n${cut(`Options: ${question.options.join(' / ')}`, BODY_MAX)}`
      : '';
    return {
      title: `${urgent ? 'Urgent: ' : ''}${question.agent} asks about #${question.task_id}`,
      body: cut(question.question, BODY_MAX) + options,
      urgent,
      target: {
        ...target(event, 'question', `question-${question.ticket}`),
        ticket: question.ticket,
      },
    };
  }
  if (event.type !== 'notification.created' || event.after.recipient !== null) return null;
  const notice = event.after;
  if (notice.kind === 'review_requested') {
    const taskId = notice.task_id ?? 0;
    if (state.reviews.some((r) => r.id === taskId)) return null;
    return {
      title: 'Approval requested',
      body: cut(notice.message, BODY_MAX),
      urgent: false,
      target: target(event, 'review', `review-${taskId}`),
    };
  }
  if (notice.kind === SILENT_AGENT_KIND) {
    if (state.silent.some((n) => n.id === notice.id)) return null;
    return {
      title: 'An agent went silent',
      body: cut(notice.message, BODY_MAX),
      urgent: false,
      target: target(event, 'silent', `silent-${notice.id}`),
    };
  }
  return null;
}
