// Opens the SQLite database the way every process must: WAL, foreign keys, a busy timeout, the
// schema migrated forward, the file owner-only. Other processes may have the same file open.
import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { ensureDatabaseFolder } from './data-dir.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { assertRuntime } from './runtime-check.ts';

export type Db = Database.Database;

/** How long a writer waits for another process's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  assertRuntime();
  const inMemory = path === ':memory:';
  if (!inMemory) ensureDatabaseFolder(path);
  let db: Db;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `Cannot open the database at ${path}: ${(error as Error).message}. Pass --db with a writable file path.`,
    );
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the call returns, even across a power cut (NORMAL in WAL
    // mode may lose the last commits); it cost about 0.15 ms per write in bench/
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    if (!inMemory) chmodSync(path, 0o600);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError(
      'VALIDATION',
      `${path} is not a usable Orchestron database: ${(error as Error).message}. Pass --db with another file.`,
    );
  }
}

/** Applies the migrations newer than PRAGMA user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'FORBIDDEN',
      `This database has schema version ${current}, newer than this Orchestron understands (${latest}). Update Orchestron, or pass --db with another file.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
