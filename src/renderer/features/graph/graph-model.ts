// The graph view's model, without React: reads the project, follows the event feed (changes by
// the CLI and agents land in place), and runs the person's edits through the API, recording
// each for undo. The store only ever shows what the server answered or announced.
import { toErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import { waitForFeed } from '../../client/wait-for-feed.ts';
import { createGraphStore, type GraphStore } from '../../stores/graph-store.ts';
import { useSelection } from '../../stores/selection.ts';
import { resolveProject } from '../tasks/project-lookup.ts';
import { redoEdit, undoEdit } from './graph-commands.ts';
import { GraphEditor } from './graph-editor.ts';
import { movesCriticalPath } from './graph-events.ts';
import { readCriticalPath, readGraph } from './graph-loader.ts';
import { placeNewTasks } from './layout-input.ts';
import { LayoutRunner } from './layout-runner.ts';
import { currentId, takeRedo, takeUndo } from './undo-stack.ts';
import { NO_FILTERS, visibleGraph } from './graph-filters.ts';

/** How long a load waits for the feed before reading anyway (as the task list does). */
const FEED_WAIT_MS = 3_000;
/** Bursts of events (an import, a cascade) ask for the critical path once, after they settle. */
const CRITICAL_PATH_DELAY_MS = 300;

export class GraphModel {
  readonly store: GraphStore = createGraphStore();
  readonly editor: GraphEditor;
  private readonly client: RendererClient;
  private readonly projectRef: string | null;
  private readonly layout = new LayoutRunner();
  /** Events waiting for a read under way; null when none is. */
  private queue: OrchestronEvent[] | null = [];
  private pending: OrchestronEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private pathTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(client: RendererClient, projectRef: string | null) {
    this.client = client;
    this.projectRef = projectRef;
    this.editor = new GraphEditor(client, this.store, this.layout);
  }

  start(): () => void {
    const unsubscribe = this.client.subscribe((event) => this.onEvent(event));
    void this.load();
    return () => {
      unsubscribe();
      this.generation++;
      clearTimeout(this.flushTimer);
      clearTimeout(this.pathTimer);
      this.layout.dispose();
    };
  }

  retry(): void {
    this.store.setState({ loadError: null });
    void this.load();
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.queue ??= [];
    try {
      await waitForFeed(this.client, FEED_WAIT_MS);
      const current = this.store.getState().project;
      const project = await resolveProject(this.client, current?.id ?? this.projectRef);
      const read = await readGraph(this.client, project.id);
      if (generation !== this.generation) return;
      this.client.feed?.snapshotAt(read.asOfEvent);
      this.store.getState().loaded(project, read.data);
      const queued = (this.queue ?? []).filter((event) => event.id > read.asOfEvent);
      this.queue = null;
      this.apply(queued);
      void this.refreshCriticalPath();
      void this.placeUnplaced();
    } catch (error) {
      if (generation !== this.generation) return;
      this.queue = null;
      this.store.getState().loadFailed(toErrorPayload(error));
    }
  }

  private onEvent(event: OrchestronEvent): void {
    if (this.queue) {
      this.queue.push(event);
      return;
    }
    this.pending.push(event);
    // a burst arrives in one browser task: apply it in one store update
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const events = this.pending;
      this.pending = [];
      this.apply(events);
    }, 0);
  }

  private apply(events: readonly OrchestronEvent[]): void {
    if (events.length === 0) return;
    if (!this.store.getState().applyEvents(events)) {
      void this.load();
      return;
    }
    if (events.some(movesCriticalPath)) {
      clearTimeout(this.pathTimer);
      this.pathTimer = setTimeout(() => void this.refreshCriticalPath(), CRITICAL_PATH_DELAY_MS);
    }
    if (events.some((event) => event.type === 'task.created' && event.after.position === null))
      void this.placeUnplaced();
  }

  private async refreshCriticalPath(): Promise<void> {
    const project = this.store.getState().project;
    if (!project) return;
    try {
      this.store.getState().setCriticalPath(await readCriticalPath(this.client, project.id));
    } catch {
      // the highlight is a hint; the graph itself stays right without it
      this.store.getState().setCriticalPath([]);
    }
  }

  /** Gives tasks without a position one: a full layout when none has one, else beside their prerequisites. */
  private async placeUnplaced(): Promise<void> {
    const { data, project } = this.store.getState();
    if (!project) return;
    const unplaced = [...data.tasks.values()].filter((task) => !task.position).map((t) => t.id);
    if (unplaced.length === 0) return;
    if (unplaced.length === data.tasks.size) {
      const { ids, edges } = visibleGraph(data.tasks, NO_FILTERS, new Set());
      await this.editor.autoLayout({ record: false, ids, edges });
      return;
    }
    await this.editor.savePositions(placeNewTasks(data.tasks, unplaced), { record: false });
  }

  /** Undo and redo run one after another: a key pressed during one waits for it, not lost. */
  private steps: Promise<void> = Promise.resolve();

  undo(): Promise<void> {
    return (this.steps = this.steps.then(() => this.step('undo')));
  }

  redo(): Promise<void> {
    return (this.steps = this.steps.then(() => this.step('redo')));
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    // an edit still waiting for its answer is recorded once answered: undo takes that one back
    await this.editor.settled();
    const state = this.store.getState();
    if (!state.project) return;
    const taken = direction === 'undo' ? takeUndo(state.history) : takeRedo(state.history);
    if (!taken) return;
    state.setHistoryBusy(true);
    state.setRefused(null);
    try {
      const run = direction === 'undo' ? undoEdit : redoEdit;
      const result = await run(this.client, taken.edit, state.project.id, state.history.renamed);
      state.setHistory({ ...taken.after, renamed: result.renamed });
      // the task open in the inspector, recreated by this undo, is shown under its new id
      const open = useSelection.getState().selectedTaskId;
      const now = open === null ? null : currentId(result.renamed, open);
      if (now !== open) {
        useSelection.getState().select(now);
        state.setSelected(new Set([now!]));
      }
      state.showNotice(result.notice);
      state.showError(null);
    } catch (error) {
      // the edit stays where it was: nothing (or, for a multi-step recreate, part) was done
      state.showError(toErrorPayload(error));
    } finally {
      state.setHistoryBusy(false);
    }
  }
}
