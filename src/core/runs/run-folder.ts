// Lays out a run's folder before it starts: output.log (the engine's, beside the sandbox) and
// work/ (the code's: its source file, its home, its temporary folder, a sql run's database).
import { chownSync, chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';

export interface RunFolder {
  root: string;
  work: string;
  logPath: string;
  /** The database a sql run opens: a scratch file, or the copy of a named one. */
  database: { path: string; readOnly: boolean };
}

/** Where a run's files go, before anything exists: planning needs the paths, not the files. */
export function runFolderLayout(runDirectory: string, hasDatabase: boolean): RunFolder {
  const work = join(runDirectory, 'work');
  return {
    root: runDirectory,
    work,
    logPath: join(runDirectory, 'output.log'),
    database: hasDatabase
      ? { path: join(work, 'database.sqlite'), readOnly: true }
      : { path: join(work, 'scratch.sqlite'), readOnly: false },
  };
}

/**
 * Creates the layout's folders (the run folder must be new or empty, or hold only a work/ the
 * caller prepared) and the database copy.
 */
export function createRunFolder(
  folder: RunFolder,
  database: string | undefined,
  preparedWork = false,
): void {
  mkdirSync(folder.root, { recursive: true, mode: 0o755 });
  const entries = readdirSync(folder.root);
  if (entries.length > (preparedWork && entries.includes('work') ? 1 : 0))
    throw new AppError(
      'CONFLICT',
      `The run folder ${folder.root} is not empty; every run needs a new folder.`,
      { runDirectory: folder.root },
    );
  mkdirSync(join(folder.work, '.tmp'), { recursive: true, mode: 0o755 });
  if (database === undefined) return;
  try {
    copyDatabase(database, folder.database.path);
  } catch (error) {
    rmSync(folder.root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A consistent snapshot, including what still sits in the source's WAL file; VACUUM INTO reads
 * through a read-only connection, so the named database is never written.
 */
function copyDatabase(source: string, target: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `The database ${source} could not be copied for the run: ${(error as Error).message}. Name an existing SQLite database file.`,
      { field: 'database' },
    );
  } finally {
    db?.close();
  }
  chmodSync(target, 0o444);
}

export function writeSource(folder: RunFolder, name: string, code: string): void {
  writeFileSync(join(folder.work, name), code, { mode: 0o644 });
}

/** Hands the work folder to `uid` (the run drops to nobody): it must be able to write there. */
export function giveWorkFolderTo(folder: RunFolder, uid: number): void {
  const give = (path: string) => chownSync(path, uid, uid);
  give(folder.work);
  for (const entry of readdirSync(folder.work, { recursive: true, encoding: 'utf8' }))
    give(join(folder.work, entry));
}
