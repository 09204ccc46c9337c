// Every project, for the switcher: read once with list_projects, then kept up to date from the
// event feed (created, renamed, imported). Project events carry absolute values, so replaying
// one the read already showed changes nothing.
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { RendererClient } from '../../client/feed-status.ts';
import { waitForFeed } from '../../client/wait-for-feed.ts';
import { insertRow, updateRow } from '../tasks/sorted-rows.ts';
import type { ProjectSummary } from '../tasks/project-lookup.ts';
import { StateCell } from '../../stores/state-cell.ts';

/** How long the first read waits for the event feed to connect before reading anyway. */
const FEED_WAIT_MS = 3_000;

export interface ProjectsState {
  projects: readonly ProjectSummary[];
  error: ErrorPayload | null;
}

function summary({ id, name, root_path }: ProjectSummary): ProjectSummary {
  return { id, name, root_path };
}

export class ProjectsModel {
  private readonly cell = new StateCell<ProjectsState>({ projects: [], error: null });
  /** Events waiting for the list being read; null when none is. */
  private queue: OrchestronEvent[] | null = [];
  private generation = 0;
  private readonly client: RendererClient;

  constructor(client: RendererClient) {
    this.client = client;
  }

  readonly getState = this.cell.getState;
  readonly onChange = this.cell.onChange;

  start(): () => void {
    const unsubscribe = this.client.subscribe((event) => this.onEvent(event));
    void this.load();
    return () => {
      unsubscribe();
      this.generation++;
      this.queue = [];
    };
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.queue ??= [];
    try {
      await waitForFeed(this.client, FEED_WAIT_MS);
      const { projects } = await this.client.call('list_projects', {});
      if (generation !== this.generation) return;
      this.set({ projects: projects.map(summary), error: null });
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({ error: toErrorPayload(error) });
    }
    const queued = this.queue ?? [];
    this.queue = null;
    for (const event of queued) this.onEvent(event);
  }

  private onEvent(event: OrchestronEvent): void {
    if (this.queue) {
      this.queue.push(event);
      return;
    }
    const { projects } = this.getState();
    if (event.type === 'project.created') {
      this.set({ projects: insertRow(projects, summary(event.after)) });
    } else if (event.type === 'project.updated' && event.project_id !== null) {
      const name = event.after['name'];
      if (typeof name === 'string')
        this.set({ projects: updateRow(projects, event.project_id, (p) => ({ ...p, name })) });
    } else if (event.type === 'project.imported') {
      void this.load();
    }
  }

  private set(patch: Partial<ProjectsState>): void {
    this.cell.set(patch);
  }
}
