// How safely a commit reaches the disk, kept as a preference of the database so that every
// process opening it (the app, the CLI, an agent's bridge) writes the same way.
//   full   - SQLite's synchronous=FULL: a commit is on disk before the call returns, even across
//            a power cut. The default.
//   normal - synchronous=NORMAL: in WAL mode a crash of the process loses nothing, but a power
//            cut or an OS crash may lose the last commits. Writes skip an fsync each.
import type { Durability } from '../../shared/operations/settings.ops.ts';
import type { Db } from './database.ts';

export const DURABILITY_PREFERENCE = 'durability';

const PRAGMA: Record<Durability, string> = { full: 'FULL', normal: 'NORMAL' };

/** The level the database's preferences ask for; full when none is set (or it is unreadable). */
export function storedDurability(db: Db): Durability {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM preferences WHERE name = ?')
    .get(DURABILITY_PREFERENCE);
  return row?.value === '"normal"' ? 'normal' : 'full';
}

/** Sets this connection's synchronous mode to `level`. */
export function applyDurability(db: Db, level: Durability): void {
  db.pragma(`synchronous = ${PRAGMA[level]}`);
}
