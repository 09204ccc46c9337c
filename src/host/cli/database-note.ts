// Says on standard error when a command is about to create a new database file, so that a
// mistyped --db path is noticed rather than silently starting an empty database.
import { existsSync } from 'node:fs';

/** The one-line note for a database file that does not exist yet, or null when it exists. */
export function newDatabaseNote(databasePath: string): string | null {
  if (existsSync(databasePath)) return null;
  return `orchestron: created a new database at ${databasePath} (no file was there)`;
}

/**
 * Call before opening the database. Printed for the default location too, the first time: it
 * tells a new user where their data lives. Standard error only, so --json output stays JSON.
 */
export function announceNewDatabase(databasePath: string): void {
  const note = newDatabaseNote(databasePath);
  if (note) process.stderr.write(`${note}\n`);
}
