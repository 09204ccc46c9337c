// The open database with its repositories, and the one way to write: an IMMEDIATE transaction,
// so concurrent writers queue on the busy timeout instead of failing half-way.
import type { Db } from './database.ts';
import { createAgentWorkRepo } from './agent-work.repo.ts';
import { createArtifactsRepo } from './artifacts.repo.ts';
import { createCommitsRepo } from './commits.repo.ts';
import { createContextsRepo } from './contexts.repo.ts';
import { createDependenciesRepo } from './dependencies.repo.ts';
import { createEventsRepo } from './events.repo.ts';
import { createGatesRepo } from './gates.repo.ts';
import { createLeasesRepo } from './leases.repo.ts';
import { createNotificationsRepo } from './notifications.repo.ts';
import { createPreferencesRepo } from './preferences.repo.ts';
import { createProgressRepo } from './progress.repo.ts';
import { createProjectsRepo } from './projects.repo.ts';
import { createRunsRepo } from './runs.repo.ts';
import { createSessionsRepo } from './sessions.repo.ts';
import { createTaskDetailsRepo } from './task-details.repo.ts';
import { createTaskListsRepo } from './task-lists.repo.ts';
import { createTasksRepo } from './tasks.repo.ts';
import { createWorkflowsRepo } from './workflows.repo.ts';

export class Store {
  readonly db: Db;
  readonly projects;
  readonly tasks;
  readonly taskLists;
  readonly details;
  readonly dependencies;
  readonly commits;
  readonly events;
  readonly notifications;
  readonly preferences;
  readonly progress;
  readonly contexts;
  readonly artifacts;
  readonly agentWork;
  readonly gates;
  readonly leases;
  readonly sessions;
  readonly runs;
  readonly workflows;
  private readonly run: {
    immediate: (body: () => unknown) => unknown;
    deferred: (body: () => unknown) => unknown;
  };
  private depth = 0;

  constructor(db: Db) {
    this.db = db;
    this.projects = createProjectsRepo(db);
    this.tasks = createTasksRepo(db);
    this.taskLists = createTaskListsRepo(db);
    this.details = createTaskDetailsRepo(db);
    this.dependencies = createDependenciesRepo(db);
    this.commits = createCommitsRepo(db);
    this.events = createEventsRepo(db);
    this.notifications = createNotificationsRepo(db);
    this.preferences = createPreferencesRepo(db);
    this.progress = createProgressRepo(db);
    this.contexts = createContextsRepo(db);
    this.artifacts = createArtifactsRepo(db);
    this.agentWork = createAgentWorkRepo(db);
    this.gates = createGatesRepo(db);
    this.leases = createLeasesRepo(db);
    this.sessions = createSessionsRepo(db);
    this.workflows = createWorkflowsRepo(db);
    this.runs = createRunsRepo(db);
    this.run = db.transaction((body: () => unknown) => body());
  }

  /** Runs `body` in one write transaction; anything thrown rolls all of it back. */
  write<T>(body: () => T): T {
    const result = this.run.immediate(body) as T;
    if (!this.db.inTransaction) this.commitCount++;
    return result;
  }

  /**
   * Commits made on this connection: PRAGMA data_version counts only other connections' commits,
   * so the event feed reads this to notice writes of this process's background work (runs).
   */
  get localCommits(): number {
    return this.commitCount;
  }

  private commitCount = 0;

  /** Runs `body` in one read transaction, so every query in it sees the same snapshot. */
  read<T>(body: () => T): T {
    return this.db.inTransaction ? body() : (this.run.deferred(body) as T);
  }

  /**
   * Runs an asynchronous `body` in one write transaction (a savepoint inside another); the
   * caller must keep other calls off this connection until it settles (the orchestrator does).
   */
  async writeAsync<T>(body: () => Promise<T>): Promise<T> {
    const nested = this.db.inTransaction;
    const savepoint = `async_${++this.depth}`;
    this.db.exec(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE');
    try {
      const result = await body();
      this.db.exec(nested ? `RELEASE ${savepoint}` : 'COMMIT');
      if (!nested) this.commitCount++;
      return result;
    } catch (error) {
      if (this.db.inTransaction)
        this.db.exec(nested ? `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}` : 'ROLLBACK');
      throw error;
    } finally {
      this.depth--;
    }
  }

  /** Whether a transaction is open on this connection (events are not delivered meanwhile). */
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** Within the current write, checks foreign keys at commit instead of per statement (imports). */
  deferForeignKeys(): void {
    this.db.pragma('defer_foreign_keys = ON');
  }

  /** Changes whenever another connection commits to the database file. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  dispose(): void {
    if (this.db.open) this.db.close();
  }
}
