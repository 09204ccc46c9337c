// The selected task as the inspector shows it: get_task's answer, the task's event log (the
// activity timeline) and the agent's saved context, read when the task is selected and read
// again when an event says any of it changed (a change by the CLI or an agent shows in place).
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { OperationOutput } from '../../../shared/operations/registry.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import { StateCell } from '../../stores/state-cell.ts';
import { touchesTask } from './task-events.ts';

export type TaskDetail = OperationOutput<'get_task'>;
export type SavedContext = OperationOutput<'load_context'>['saved'];

/** The largest page list_events serves. */
const EVENT_PAGE = 500;
/** The timeline keeps this many of the newest events; older ones stay in the log. */
export const TIMELINE_LIMIT = 1_000;
/** Events arrive in bursts (one write, several events): one read after the burst. */
const REREAD_DELAY_MS = 60;

export interface InspectorState {
  detail: TaskDetail | null;
  /** Oldest first. */
  timeline: readonly OrchestronEvent[];
  context: SavedContext;
  error: ErrorPayload | null;
  /** The task was deleted while shown. */
  deleted: boolean;
}

const EMPTY: InspectorState = {
  detail: null,
  timeline: [],
  context: null,
  error: null,
  deleted: false,
};

export class InspectorModel {
  private readonly cell = new StateCell<InspectorState>(EMPTY);
  private rereadTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** The last event the timeline holds, so a live event is never added twice. */
  private lastEventId = 0;
  private timelineRead = false;
  private readonly heldEvents: OrchestronEvent[] = [];
  private readonly client: RendererClient;
  readonly taskId: number;

  constructor(client: RendererClient, taskId: number) {
    this.client = client;
    this.taskId = taskId;
  }

  readonly getState = this.cell.getState;
  readonly onChange = this.cell.onChange;

  start(): () => void {
    const unsubscribe = this.client.subscribe((event) => this.onEvent(event));
    void this.readDetail();
    void this.readTimeline();
    void this.readContext();
    return () => {
      this.stopped = true;
      clearTimeout(this.rereadTimer);
      unsubscribe();
    };
  }

  /** Reads the task again now (after the inspector's own write, say). */
  refresh(): void {
    void this.readDetail();
  }

  /** Shows what a write answered, without waiting for its event. */
  showTask(task: TaskDetail['task']): void {
    const detail = this.getState().detail;
    if (detail && task.version >= detail.task.version)
      this.cell.set({ detail: { ...detail, task } });
  }

  dismissError(): void {
    this.cell.set({ error: null });
  }

  private async readDetail(): Promise<void> {
    try {
      const detail = await this.client.call('get_task', { task_id: this.taskId });
      if (!this.stopped) this.cell.set({ detail, error: null, deleted: false });
    } catch (error) {
      if (this.stopped) return;
      const payload = toErrorPayload(error);
      if (payload.code === 'NOT_FOUND' && this.getState().detail) this.cell.set({ deleted: true });
      else this.cell.set({ error: payload });
    }
  }

  private async readTimeline(): Promise<void> {
    const events: OrchestronEvent[] = [];
    try {
      for (let after = 0; ;) {
        const page = await this.client.call('list_events', {
          task_id: this.taskId,
          after_id: after,
          limit: EVENT_PAGE,
        });
        events.push(...page.events);
        if (events.length > TIMELINE_LIMIT) events.splice(0, events.length - TIMELINE_LIMIT);
        if (page.events.length < EVENT_PAGE || this.stopped) break;
        after = page.next_after_id;
      }
    } catch (error) {
      if (!this.stopped) this.cell.set({ error: toErrorPayload(error) });
    }
    if (this.stopped) return;
    this.timelineRead = true;
    this.lastEventId = events.at(-1)?.id ?? 0;
    this.cell.set({ timeline: events });
    for (const event of this.heldEvents.splice(0)) this.addToTimeline(event);
  }

  private async readContext(): Promise<void> {
    try {
      const { saved } = await this.client.call('load_context', { task_id: this.taskId });
      if (!this.stopped) this.cell.set({ context: saved });
    } catch {
      // a person may not be allowed to read every context; the section then stays empty
    }
  }

  private onEvent(event: OrchestronEvent): void {
    if (event.task_id === this.taskId) {
      if (this.timelineRead) this.addToTimeline(event);
      else this.heldEvents.push(event);
    }
    if (event.type === 'context.saved' || event.type === 'handoff.prepared') {
      if (event.task_id === this.taskId) void this.readContext();
    }
    if (touchesTask(event, this.taskId, this.relatedIds())) this.scheduleReread();
  }

  private addToTimeline(event: OrchestronEvent): void {
    if (event.id <= this.lastEventId) return;
    this.lastEventId = event.id;
    const timeline = [...this.getState().timeline, event].slice(-TIMELINE_LIMIT);
    this.cell.set({ timeline });
  }

  /** The tasks get_task lists beside this one, whose titles and statuses it shows. */
  private relatedIds(): Set<number> {
    const detail = this.getState().detail;
    if (!detail) return new Set();
    return new Set(
      [...detail.dependencies, ...detail.dependents, ...detail.subtasks].map((ref) => ref.id),
    );
  }

  private scheduleReread(): void {
    clearTimeout(this.rereadTimer);
    this.rereadTimer = setTimeout(() => void this.readDetail(), REREAD_DELAY_MS);
  }
}
