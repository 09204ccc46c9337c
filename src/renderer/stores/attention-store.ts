// The window's store of what waits for the person (questions, reviews, silent agents, recent
// history): read once when first used, then kept current by the event feed, including changes
// made by agents and the CLI in other processes. Actions call the API, then set what came back.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  applyAttentionEvent,
  closeQuestion,
  EMPTY_ATTENTION,
  SILENT_AGENT_KIND,
  withoutReview,
  type AttentionState,
} from '../../shared/attention/attention-state.ts';
import { notificationFor, type AttentionNotice } from '../../shared/attention/notification-for.ts';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import type { OrchestronEvent } from '../../shared/events/event-types.ts';
import type { OperationOutput } from '../../shared/operations/registry.ts';
import type { RendererClient } from '../client/feed-status.ts';
import { waitForFeed } from '../client/wait-for-feed.ts';

/** The feed gets this long to go live before the first read goes ahead anyway. */
const FEED_WAIT_MS = 3_000;
/** list_interventions and get_notifications serve at most this many per page. */
const PAGE = 100;
/** Person's notifications read at most this many pages deep: older unread ones are stale. */
const NOTIFICATION_PAGES = 10;
/** Closed questions read back at start: the history shows a few, the rest is in the log. */
const HISTORY_READ = 10;

export interface AttentionData extends AttentionState {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  error: ErrorPayload | null;
  /** Task titles by id, for the questions (which carry only the task's id). */
  titles: Readonly<Record<number, string>>;
}

export interface AttentionActions {
  /** Answers with an option (its text) and/or a free text; rejects with the server's error. */
  answer(ticket: string, reply: { option?: string; answer?: string }): Promise<void>;
  approve(taskId: number, note?: string): Promise<void>;
  reject(taskId: number, reason: string): Promise<void>;
  /** Marks "agent went silent" notices read: the person has seen them. */
  dismissSilent(ids: readonly number[]): Promise<void>;
  reload(): Promise<void>;
}

export type AttentionStoreState = AttentionData & AttentionActions;
export type AttentionStore = StoreApi<AttentionStoreState>;

type NoticeListener = (notice: AttentionNotice) => void;

export class AttentionModel {
  readonly store: AttentionStore;
  private readonly client: RendererClient;
  private readonly noticeListeners = new Set<NoticeListener>();
  private users = 0;
  private unsubscribe: (() => void) | null = null;
  /** Events that arrived while a full read was under way, applied on top of its result. */
  private held: OrchestronEvent[] | null = null;
  private reviewsRead: Promise<void> | null = null;
  /** The full read under way: a second request (a remount, a retry) joins it. */
  private loading: Promise<void> | null = null;

  constructor(client: RendererClient) {
    this.client = client;
    this.store = createStore<AttentionStoreState>()(() => ({
      ...EMPTY_ATTENTION,
      phase: 'idle',
      error: null,
      titles: {},
      answer: (ticket, reply) => this.answer(ticket, reply),
      approve: (taskId, note) => this.approve(taskId, note),
      reject: (taskId, reason) => this.reject(taskId, reason),
      dismissSilent: (ids) => this.dismissSilent(ids),
      reload: () => this.loadOnce(),
    }));
  }

  /** Starts following events for one more user; the returned function stops for that user. */
  start(): () => void {
    this.users += 1;
    if (this.users === 1) {
      this.unsubscribe = this.client.subscribe((event) => this.onEvent(event));
      void this.firstLoad();
    }
    return () => {
      this.users -= 1;
      if (this.users > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.store.setState({ phase: 'idle' });
    };
  }

  /** Hears every notification-worthy event (a new question, a review request, a silent agent). */
  onNotice(listener: NoticeListener): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private async firstLoad(): Promise<void> {
    await waitForFeed(this.client, FEED_WAIT_MS);
    if (this.users > 0) await this.loadOnce();
  }

  private loadOnce(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private onEvent(event: OrchestronEvent): void {
    if (this.held) {
      this.held.push(event);
      return;
    }
    if (this.store.getState().phase !== 'ready') return;
    const notice = notificationFor(event, this.store.getState());
    this.apply(event);
    if (event.type === 'intervention.requested') void this.readTitle(event.after.ticket);
    if (notice) for (const listener of this.noticeListeners) listener(notice);
  }

  private apply(event: OrchestronEvent): void {
    const step = applyAttentionEvent(this.store.getState(), event);
    if (step.state !== this.store.getState()) this.store.setState(step.state);
    if (step.reload === 'reviews') void this.readReviews();
  }

  /** A new question names its task by id only; its title comes with the question read back. */
  private async readTitle(ticket: string): Promise<void> {
    try {
      const { task } = await this.client.call('get_intervention', { ticket });
      this.store.setState({ titles: { ...this.store.getState().titles, [task.id]: task.title } });
    } catch {
      // the card shows the task's number alone
    }
  }

  private async load(): Promise<void> {
    this.held = [];
    this.store.setState({ phase: 'loading', error: null });
    try {
      const [questions, history, reviews, silent] = await Promise.all([
        this.readQuestions('open', 'urgency', PAGE),
        this.readQuestions('all', 'newest', HISTORY_READ * 2),
        this.client.call('list_reviews', { limit: PAGE }),
        this.readSilent(),
      ]);
      const titles: Record<number, string> = {};
      for (const { task } of [...questions, ...history]) titles[task.id] = task.title;
      this.store.setState({
        titles,
        questions: questions.map((q) => q.intervention),
        history: history
          .map((q) => q.intervention)
          .filter((q) => q.status !== 'open')
          .slice(0, HISTORY_READ),
        reviews: reviews.reviews,
        silent,
        phase: 'ready',
      });
    } catch (error) {
      this.store.setState({ phase: 'failed', error: toErrorPayload(error) });
    }
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.apply(event);
  }

  private async readQuestions(
    status: 'open' | 'all',
    order: 'urgency' | 'newest',
    limit: number,
  ): Promise<OperationOutput<'get_intervention'>[]> {
    const page = await this.client.call('list_interventions', { status, order, limit });
    // rows cut the question short and count the options: the inbox needs them whole
    return Promise.all(
      page.interventions.map((row) => this.client.call('get_intervention', { ticket: row.ticket })),
    );
  }

  private async readSilent() {
    const silent = [];
    let after = 0;
    for (let pages = 0; pages < NOTIFICATION_PAGES; pages += 1) {
      const page = await this.client.call('get_notifications', { after_id: after, limit: PAGE });
      silent.push(...page.notifications.filter((n) => n.kind === SILENT_AGENT_KIND));
      if (page.notifications.length < PAGE) break;
      after = page.next_after_id;
    }
    return silent.map(({ id, kind, task_id, message, created_at }) => ({
      id,
      kind,
      task_id,
      message,
      created_at,
    }));
  }

  /** One read of the reviews at a time; a request during a read is served by another after it. */
  private readReviews(): Promise<void> {
    const read = async () => {
      try {
        const page = await this.client.call('list_reviews', { limit: PAGE });
        this.store.setState({ reviews: page.reviews });
      } catch (error) {
        this.store.setState({ error: toErrorPayload(error) });
      }
    };
    const next = (this.reviewsRead ?? Promise.resolve()).then(read);
    this.reviewsRead = next;
    return next;
  }

  private async answer(ticket: string, reply: { option?: string; answer?: string }) {
    const outcome = await this.client.call('answer_intervention', { ticket, ...reply });
    this.store.setState(closeQuestion(this.store.getState(), outcome.intervention));
  }

  private async approve(taskId: number, note?: string) {
    await this.client.call('approve_task', note ? { task_id: taskId, note } : { task_id: taskId });
    this.store.setState(withoutReview(this.store.getState(), taskId));
  }

  private async reject(taskId: number, reason: string) {
    await this.client.call('reject_task', { task_id: taskId, reason });
    this.store.setState(withoutReview(this.store.getState(), taskId));
  }

  private async dismissSilent(ids: readonly number[]) {
    if (ids.length === 0) return;
    await this.client.call('acknowledge_notifications', { ids: [...ids] });
    const gone = new Set(ids);
    this.store.setState({ silent: this.store.getState().silent.filter((n) => !gone.has(n.id)) });
  }
}
