// What waits for the person, kept up to date by events: open questions from agents, tasks
// waiting for approval, agents that went silent on a task (their lease expired), and the
// questions closed lately. Pure: the renderer's store and the desktop tray both fold events with it.
import type { OrchestronEvent } from '../events/event-types.ts';
import type { ReviewSchema } from '../operations/gates.ops.ts';
import type { Intervention, Urgency } from '../operations/interventions.ops.ts';
import type { Notification } from '../operations/notifications.ops.ts';
import type { z } from 'zod';

export type Review = z.infer<ReturnType<typeof ReviewSchema>>;
/** A person's notification as both get_notifications and notification.created carry it. */
export type SilentNotice = Pick<Notification, 'id' | 'kind' | 'task_id' | 'message' | 'created_at'>;

/** The person's notification kind for an agent whose lease expired without activity. */
export const SILENT_AGENT_KIND = 'agent_silent';
/** Closed questions kept as history: enough to see what was just answered, not an archive. */
export const HISTORY_LIMIT = 20;

export interface AttentionState {
  /** Open questions, most urgent first, then oldest first (the order list_interventions uses). */
  questions: readonly Intervention[];
  reviews: readonly Review[];
  /** Unread "agent went silent" notifications addressed to the person. */
  silent: readonly SilentNotice[];
  /** Answered or cancelled questions, newest first. */
  history: readonly Intervention[];
}

export const EMPTY_ATTENTION: AttentionState = {
  questions: [],
  reviews: [],
  silent: [],
  history: [],
};

/** What a client must read back after an event, because the event does not carry it. */
export type AttentionReload = 'reviews';

export interface AttentionStep {
  state: AttentionState;
  reload: AttentionReload | null;
}

/** How many things wait for the person: the tray's and the title's badge. */
export function attentionCount(state: AttentionState): number {
  return state.questions.length + state.reviews.length + state.silent.length;
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 0, high: 1, normal: 2, low: 3 };

function byUrgency(a: Intervention, b: Intervention): number {
  const rank = URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency];
  if (rank !== 0) return rank;
  return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;
}

/** Open questions in inbox order. */
export function sortQuestions(questions: readonly Intervention[]): Intervention[] {
  return [...questions].sort(byUrgency);
}

/** Moves a question that was answered or cancelled from the open ones to the history. */
export function closeQuestion(state: AttentionState, closed: Intervention): AttentionState {
  const history = [closed, ...state.history.filter((q) => q.ticket !== closed.ticket)];
  return {
    ...state,
    questions: state.questions.filter((q) => q.ticket !== closed.ticket),
    history: history.slice(0, HISTORY_LIMIT),
  };
}

function withoutTask(state: AttentionState, taskId: number): AttentionState {
  return {
    questions: state.questions.filter((q) => q.task_id !== taskId),
    reviews: state.reviews.filter((r) => r.id !== taskId),
    silent: state.silent.filter((n) => n.task_id !== taskId),
    history: state.history.filter((q) => q.task_id !== taskId),
  };
}

/** Drops the task from the reviews (approved, rejected, or moved out of review). */
export function withoutReview(state: AttentionState, taskId: number | null): AttentionState {
  if (taskId === null || !state.reviews.some((r) => r.id === taskId)) return state;
  return { ...state, reviews: state.reviews.filter((r) => r.id !== taskId) };
}

const same = (state: AttentionState): AttentionStep => ({ state, reload: null });

/**
 * Folds one event into the state. Review requests carry no title, so they ask for the reviews to
 * be read back; everything else is applied from the event alone.
 */
export function applyAttentionEvent(state: AttentionState, event: OrchestronEvent): AttentionStep {
  switch (event.type) {
    case 'intervention.requested': {
      const asked = event.after;
      if (asked.status !== 'open' || state.questions.some((q) => q.ticket === asked.ticket))
        return same(state);
      return same({ ...state, questions: sortQuestions([...state.questions, asked]) });
    }
    case 'intervention.answered':
    case 'intervention.cancelled':
      return same(closeQuestion(state, event.after));
    case 'task.review_requested':
      return { state, reload: 'reviews' };
    case 'task.approved':
    case 'task.rejected':
      return same(withoutReview(state, event.task_id));
    case 'task.status_changed':
      return same(event.after.status === 'review' ? state : withoutReview(state, event.task_id));
    case 'task.deleted':
      return same(event.task_id === null ? state : withoutTask(state, event.task_id));
    case 'notification.created': {
      const notice = event.after;
      const isNew = !state.silent.some((n) => n.id === notice.id);
      if (notice.recipient !== null || notice.kind !== SILENT_AGENT_KIND || !isNew)
        return same(state);
      if (notice.read_at !== null) return same(state);
      const { id, kind, task_id, message, created_at } = notice;
      return same({
        ...state,
        silent: [...state.silent, { id, kind, task_id, message, created_at }],
      });
    }
    case 'notifications.read': {
      const read = new Set(event.after.ids);
      if (!state.silent.some((n) => read.has(n.id))) return same(state);
      return same({ ...state, silent: state.silent.filter((n) => !read.has(n.id)) });
    }
    default:
      return same(state);
  }
}
