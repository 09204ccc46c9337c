// Opens the SQLite database the way every process must: WAL, foreign keys, a busy timeout, the
// schema migrated forward, the file owner-only. Other processes may have the same file open, or
// be creating it at the same moment.
import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { ensureDatabaseFolder } from './data-dir.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { assertRuntime } from './runtime-check.ts';
import { applyDurability, storedDurability } from './durability.ts';

export type Db = Database.Database;

/** How long a writer waits for another process's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** SQLite's codes for a lock another connection holds, or a race it lost: worth a retry. */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|PROTOCOL)(_|$)/;

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT.test(code);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Switches a connection to WAL. On a new file two processes may both read the empty header and
 * both try to write it; SQLite then fails the loser with SQLITE_BUSY at once, without waiting
 * on the busy timeout (upgrading a read lock never waits; about 1 in 30 of 12 processes started
 * together failed so), so we retry until the timeout.
 */
function enableWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isTransient(error) || Date.now() + pause > deadline) throw error;
      sleepSync(pause);
    }
  }
}

/**
 * What went wrong opening `path`, said so that the caller knows whether to retry (another
 * process held a lock too long: TIMEOUT) or to choose another file (not a database: VALIDATION).
 */
export function explainOpenFailure(path: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (isTransient(error)) {
    return new AppError(
      'TIMEOUT',
      `Another process kept the database at ${path} locked while this one was opening it (${reason}); nothing changed. Retry in a moment.`,
      { path, sqlite_code: code },
    );
  }
  return new AppError(
    'VALIDATION',
    `${path} is not a usable Orchestron database: ${reason}. Pass --db with another file (a new path creates a new database).`,
    { path, sqlite_code: typeof code === 'string' ? code : null },
  );
}

/** The migration that adds the preferences table, where the durability level is kept. */
const PREFERENCES_MIGRATION = 2;

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  assertRuntime();
  const inMemory = path === ':memory:';
  if (!inMemory) ensureDatabaseFolder(path);
  let db: Db;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw explainOpenFailure(path, error);
  }
  try {
    enableWal(db);
    // FULL until the database says otherwise: a commit is on disk before the call returns, even
    // across a power cut (NORMAL in WAL mode may lose the last commits; see durability.ts)
    applyDurability(db, 'full');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    if (migrations.some((migration) => migration.version === PREFERENCES_MIGRATION))
      applyDurability(db, storedDurability(db));
    if (!inMemory) chmodSync(path, 0o600);
    return db;
  } catch (error) {
    db.close();
    throw explainOpenFailure(path, error);
  }
}

function schemaVersion(db: Db, latest: number): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'FORBIDDEN',
      `This database has schema version ${current}, newer than this Orchestron understands (${latest}). Update Orchestron, or pass --db with another file.`,
      { schema_version: current, supported_version: latest },
    );
  }
  return current;
}

/**
 * Applies the migrations newer than PRAGMA user_version, all in one IMMEDIATE transaction that
 * reads the version again once it holds the write lock: of processes creating the same file at
 * once, the first migrates and the others wait on the busy timeout, then find nothing to do.
 * An up-to-date database is recognised without the write lock, so opening never queues readers
 * behind another process's writes.
 */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  if (schemaVersion(db, latest) === latest) return;
  db.transaction(() => {
    const current = schemaVersion(db, latest);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
