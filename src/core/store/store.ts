// The open database with its repositories, and the one way to write: an IMMEDIATE transaction,
// so concurrent writers queue on the busy timeout instead of failing half-way.
import type { Db } from './database.ts';
import { createCommitsRepo } from './commits.repo.ts';
import { createDependenciesRepo } from './dependencies.repo.ts';
import { createEventsRepo } from './events.repo.ts';
import { createNotificationsRepo } from './notifications.repo.ts';
import { createProjectsRepo } from './projects.repo.ts';
import { createTaskDetailsRepo } from './task-details.repo.ts';
import { createTasksRepo } from './tasks.repo.ts';

export class Store {
  readonly db: Db;
  readonly projects;
  readonly tasks;
  readonly details;
  readonly dependencies;
  readonly commits;
  readonly events;
  readonly notifications;
  private readonly run: { immediate: (body: () => unknown) => unknown };
  private readonly rollbackListeners: Array<() => void> = [];
  private readonly writeHooks: Array<{ begin(): void; end(): void }> = [];

  constructor(db: Db) {
    this.db = db;
    this.projects = createProjectsRepo(db);
    this.tasks = createTasksRepo(db);
    this.details = createTaskDetailsRepo(db);
    this.dependencies = createDependenciesRepo(db);
    this.commits = createCommitsRepo(db);
    this.events = createEventsRepo(db);
    this.notifications = createNotificationsRepo(db);
    this.run = db.transaction((body: () => unknown) => {
      for (const hook of this.writeHooks) hook.begin();
      const result = body();
      for (const hook of this.writeHooks) hook.end();
      return result;
    });
  }

  /** Runs `body` in one write transaction; anything thrown rolls all of it back. */
  write<T>(body: () => T): T {
    try {
      return this.run.immediate(body) as T;
    } catch (error) {
      for (const listener of this.rollbackListeners) listener();
      throw error;
    }
  }

  /**
   * Caches of database state hook into every write: `begin` runs first inside the transaction
   * (holding the write lock, so it can check for other processes' changes), `end` runs last
   * before the commit, and `rolledBack` when the write is undone.
   */
  onWrite(hook: { begin(): void; end(): void; rolledBack(): void }): void {
    this.writeHooks.push(hook);
    this.rollbackListeners.push(() => hook.rolledBack());
  }

  dispose(): void {
    if (this.db.open) this.db.close();
  }
}
