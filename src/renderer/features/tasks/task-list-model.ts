// The task list of one project, without React: loads the first page, then, while the list is on
// screen, the rest a large page at a time (the list is virtualised, sorted and filtered over
// every task, so it needs them all), and applies every event of the feed to the loaded rows in
// place. Events that arrive while a page is being read wait, and are applied (or skipped, when
// the page already shows them) after.
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import { PAGE_LIMITS } from '../../../shared/tasks/task-fields.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import { waitForFeed } from '../../client/wait-for-feed.ts';
import { LoadedTasks } from './loaded-tasks.ts';
import { namesProject, resolveProject, type ProjectSummary } from './project-lookup.ts';
import { readPage } from './read-page.ts';
import { StateCell } from '../../stores/state-cell.ts';

/** The first page is small, so the list shows quickly; the rest come in the largest pages. */
export const PAGE_SIZE = 50;
/** How long a load waits for the event feed to connect before reading anyway. */
const FEED_WAIT_MS = 3_000;

export interface TaskListState {
  phase: 'loading' | 'ready' | 'failed';
  project: ProjectSummary | null;
  tasks: readonly Task[];
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  /** The id of the last event the list reflects. */
  syncedTo: number;
  error: ErrorPayload | null;
}

const INITIAL: TaskListState = {
  phase: 'loading',
  project: null,
  tasks: [],
  count: 0,
  hasMore: false,
  loadingMore: false,
  syncedTo: 0,
  error: null,
};

export class TaskListModel {
  private readonly cell = new StateCell<TaskListState>(INITIAL);
  private loaded = LoadedTasks.EMPTY;
  private cursor: string | null = null;
  /** Events waiting for the page being read; null when none is. */
  private queue: OrchestronEvent[] | null = [];
  /** Bumped by every full load and by stop(), so an answer to an older request is dropped. */
  private generation = 0;
  /** Whether the list was read before the feed was live (so it may miss events: read again). */
  private readWithoutFeed = false;
  private failedStep: 'load' | 'more' = 'load';
  /** Whether the list is on screen; the pages after the first are read only while it is. */
  private shown = true;
  private publishTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly client: RendererClient;
  /** A project id or name from the page address; the current project when null. */
  readonly projectRef: string | null;

  constructor(client: RendererClient, projectRef: string | null) {
    this.client = client;
    this.projectRef = projectRef;
  }

  readonly getState = this.cell.getState;
  readonly onChange = this.cell.onChange;

  /** Loads the first page and follows the event feed until the returned function is called. */
  start(): () => void {
    const unsubscribe = this.client.subscribe((event) => this.onEvent(event));
    const stopWatching = this.client.feed?.onStateChange(() => this.onFeedState());
    void this.load();
    return () => {
      unsubscribe();
      stopWatching?.();
      clearTimeout(this.publishTimer);
      this.publishTimer = undefined;
      this.generation++;
      this.queue = [];
    };
  }

  retry(): void {
    this.set({ error: null });
    if (this.getState().phase === 'ready' && this.failedStep === 'more') void this.loadMore();
    else void this.load();
  }

  /**
   * Tells the model whether the list is on screen. Behind another view the first page (the
   * project and the count) is enough; the rest are read once the list is shown.
   */
  setShown(shown: boolean): void {
    this.shown = shown;
    this.continueLoading();
  }

  dismissError(): void {
    this.set({ error: null });
  }

  async loadMore(): Promise<void> {
    const project = this.getState().project;
    if (!project || this.cursor === null || this.queue !== null) return;
    const generation = this.generation;
    this.queue = [];
    this.set({ loadingMore: true });
    try {
      const page = await readPage(this.client, project.id, this.cursor, PAGE_LIMITS.max);
      if (generation !== this.generation) return;
      this.client.feed?.snapshotAt(page.as_of_event);
      this.loaded = this.loaded.withPage(page);
      this.cursor = page.next_cursor;
      this.set({ loadingMore: false, error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      this.failedStep = 'more';
      this.set({ loadingMore: false, error: toErrorPayload(error) });
    }
    this.drain();
    this.continueLoading();
  }

  /** Reads the next page once the last one is in, until every task is (or a read failed). */
  private continueLoading(): void {
    if (this.shown && this.cursor !== null && this.getState().error === null && this.queue === null)
      void this.loadMore();
  }

  /** Reads the project and as many pages as were shown (all of them when all were). */
  private async load(): Promise<void> {
    const generation = ++this.generation;
    const shown = this.loaded;
    this.queue ??= [];
    try {
      const live = await waitForFeed(this.client, FEED_WAIT_MS);
      const project = await resolveProject(
        this.client,
        this.getState().project?.id ?? this.projectRef,
      );
      let loaded = LoadedTasks.EMPTY;
      let cursor: string | null = null;
      do {
        const limit = Math.min(Math.max(PAGE_SIZE, shown.rows.length), PAGE_LIMITS.max);
        const page = await readPage(this.client, project.id, cursor, limit);
        if (generation !== this.generation) return;
        this.client.feed?.snapshotAt(page.as_of_event);
        loaded = loaded.withPage(page);
        cursor = page.next_cursor;
      } while (cursor !== null && loaded.upTo < shown.upTo);
      this.loaded = loaded;
      this.cursor = cursor;
      this.readWithoutFeed = !live;
      this.set({ phase: 'ready', project, loadingMore: false, error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      this.failedStep = 'load';
      const phase = this.getState().phase === 'ready' ? 'ready' : 'failed';
      this.set({ phase, loadingMore: false, error: toErrorPayload(error) });
    }
    this.drain();
    this.continueLoading();
  }

  private onFeedState(): void {
    if (this.readWithoutFeed && this.client.feed?.state === 'live') {
      this.readWithoutFeed = false;
      void this.load();
    }
  }

  private onEvent(event: OrchestronEvent): void {
    if (this.queue) {
      this.queue.push(event);
      return;
    }
    this.applyEvents([event]);
    // the browser hands over a burst of events in one task: show them all in one render
    this.publishTimer ??= setTimeout(() => this.publish(), 0);
  }

  /** Applies the events that waited for a read, and shows the result with what was read. */
  private drain(): void {
    const queued = this.queue ?? [];
    this.queue = null;
    this.applyEvents(queued);
    this.publish();
  }

  private applyEvents(events: readonly OrchestronEvent[]): void {
    for (const [index, event] of events.entries()) {
      // a reload started by an earlier event takes the rest
      if (this.queue) {
        this.queue.push(...events.slice(index));
        break;
      }
      this.applyEvent(event);
    }
  }

  private applyEvent(event: OrchestronEvent): void {
    const project = this.getState().project;
    if (this.getState().phase === 'failed' || !project) {
      const created = event.type === 'project.created' || event.type === 'project.imported';
      if (created && namesProject(this.projectRef, event.after.name, event.project_id))
        void this.load();
      return;
    }
    if (event.type === 'project.updated' && event.project_id === project.id)
      this.set({ project: { ...project, ...projectFields(event.after) } });
    const next = this.loaded.apply(event, project.id);
    if (next === 'reload') void this.load();
    else this.loaded = next;
  }

  /** Shows the loaded rows (the same array while nothing changed, so rows do not re-render). */
  private publish(): void {
    clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    const { loaded } = this;
    this.set({
      tasks: loaded.rows,
      count: loaded.count,
      hasMore: this.cursor !== null,
      syncedTo: loaded.syncedTo,
    });
  }

  private set(patch: Partial<TaskListState>): void {
    this.cell.set(patch);
  }
}

/** The fields of a project.updated event the list shows. */
function projectFields(after: Record<string, unknown>): Partial<ProjectSummary> {
  const fields: Partial<ProjectSummary> = {};
  if (typeof after['name'] === 'string') fields.name = after['name'];
  if (typeof after['root_path'] === 'string' || after['root_path'] === null)
    fields.root_path = after['root_path'];
  return fields;
}
