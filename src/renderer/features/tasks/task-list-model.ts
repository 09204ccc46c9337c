// The task list of one project, without React: loads the first page, appends pages on demand,
// and reloads what is shown when the event feed reports a change to the project.
import type { OrchestronClient } from '../../../shared/client.ts';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { OrchestronEvent } from '../../../shared/operations/events.ops.ts';
import type { Project } from '../../../shared/operations/projects.ops.ts';
import type { CompactTask, Task } from '../../../shared/tasks/task.schema.ts';
import { PAGE_LIMITS } from '../../../shared/tasks/task-fields.ts';

export const PAGE_SIZE = 50;
/** A burst of events (an import, a cascade) causes one reload, not one per event. */
const RELOAD_DELAY_MS = 120;

export interface TaskListState {
  phase: 'loading' | 'ready' | 'failed';
  projectName: string | null;
  tasks: readonly Task[];
  count: number;
  nextCursor: string | null;
  loadingMore: boolean;
  error: ErrorPayload | null;
}

const INITIAL: TaskListState = {
  phase: 'loading',
  projectName: null,
  tasks: [],
  count: 0,
  nextCursor: null,
  loadingMore: false,
  error: null,
};

/** list_tasks answers full tasks when asked for them; the compact shape is skipped. */
function fullTasks(tasks: readonly (Task | CompactTask)[]): Task[] {
  return tasks.filter((task): task is Task => 'priority_label' in task);
}

/** The project a reference names (id or name, any case); the default project for null. */
function findProject<P extends Project>(projects: readonly P[], ref: string | null): P | undefined {
  // Projects come in id order, so the first is the default project.
  if (ref === null) return projects[0];
  const name = ref.toLowerCase();
  return projects.find(
    (project) => String(project.id) === ref || project.name.toLowerCase() === name,
  );
}

export class TaskListModel {
  private state = INITIAL;
  private readonly listeners = new Set<() => void>();
  private projectId: number | null = null;
  /** Bumped by every reload, so an answer to an older request is dropped. */
  private generation = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly client: OrchestronClient;
  /** A project id or name from the page address; the default project when null. */
  private readonly projectRef: string | null;

  constructor(client: OrchestronClient, projectRef: string | null) {
    this.client = client;
    this.projectRef = projectRef;
  }

  readonly getState = (): TaskListState => this.state;

  readonly onChange = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Loads the first page and follows the event feed until the returned function is called. */
  start(): () => void {
    const unsubscribe = this.client.subscribe((event) => this.onEvent(event));
    void this.reload(PAGE_SIZE);
    return () => {
      unsubscribe();
      clearTimeout(this.reloadTimer);
      this.generation++;
    };
  }

  retry(): void {
    this.set({ phase: this.state.tasks.length > 0 ? 'ready' : 'loading', error: null });
    void this.reload(Math.max(PAGE_SIZE, this.state.tasks.length));
  }

  dismissError(): void {
    this.set({ error: null });
  }

  async loadMore(): Promise<void> {
    const { nextCursor, loadingMore } = this.state;
    if (nextCursor === null || loadingMore || this.projectId === null) return;
    const generation = this.generation;
    this.set({ loadingMore: true });
    try {
      const page = await this.client.call('list_tasks', {
        project_id: this.projectId,
        limit: PAGE_SIZE,
        cursor: nextCursor,
        fields: 'full',
      });
      if (generation !== this.generation) return;
      this.set({
        tasks: [...this.state.tasks, ...fullTasks(page.tasks)],
        count: page.count,
        nextCursor: page.next_cursor,
        error: null,
      });
    } catch (error) {
      if (generation === this.generation) this.set({ error: toErrorPayload(error) });
    } finally {
      if (generation === this.generation) this.set({ loadingMore: false });
    }
  }

  private onEvent(event: OrchestronEvent): void {
    if (event.project_id !== null && this.projectId !== null && event.project_id !== this.projectId)
      return;
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(this.wanted()), RELOAD_DELAY_MS);
  }

  /** How many tasks a reload should fetch to keep showing what the user has asked to see. */
  private wanted(): number {
    const { tasks, loadingMore, nextCursor, phase } = this.state;
    // A page being loaded is dropped by the reload, so the reload covers it too; when the whole
    // list was shown, it stays whole, including the tasks created since.
    const allShown = phase === 'ready' && nextCursor === null;
    return tasks.length + (loadingMore || allShown ? PAGE_SIZE : 0);
  }

  /** Reloads as many tasks as are shown (at least a page, at most what one call may return). */
  private async reload(shown: number): Promise<void> {
    const generation = ++this.generation;
    const limit = Math.min(Math.max(shown, PAGE_SIZE), PAGE_LIMITS.max);
    try {
      const { projects } = await this.client.call('list_projects', {});
      const ref = this.projectRef;
      const project = findProject(projects, ref);
      const page = await this.client.call('list_tasks', {
        project_id: project?.id ?? ref ?? undefined,
        limit,
        fields: 'full',
      });
      if (generation !== this.generation) return;
      this.projectId = project?.id ?? null;
      const tasks = fullTasks(page.tasks);
      const state = {
        tasks,
        count: page.count,
        nextCursor: page.next_cursor,
        loadingMore: false,
        error: null,
      };
      this.set({ ...state, phase: 'ready', projectName: project?.name ?? ref });
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({
        phase: this.state.phase === 'ready' ? 'ready' : 'failed',
        loadingMore: false,
        error: toErrorPayload(error),
      });
    }
  }

  private set(patch: Partial<TaskListState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
