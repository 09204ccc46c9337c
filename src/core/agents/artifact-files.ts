// Where artifacts' contents live (`<folder of the database>/artifacts/<task id>/<name>`) and how
// they are written: staged to a temporary file, moved into place only as the row is committed,
// and put back as they were if the transaction fails, so a failed store leaves nothing behind.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../store/store.ts';

/** The artifacts folder of this database, or null for a database in memory. */
export function artifactRoot(store: Store): string | null {
  const path = store.db.name;
  if (store.db.memory || path === '' || path === ':memory:') return null;
  return join(dirname(path), 'artifacts');
}

export function requireArtifactRoot(store: Store): string {
  const root = artifactRoot(store);
  if (root) return root;
  throw new AppError(
    'VALIDATION',
    'This database is held in memory, so there is no folder to keep artifacts in. Open a database file to store artifacts.',
  );
}

export function artifactPath(root: string, taskId: number, name: string): string {
  return join(root, String(taskId), name);
}

/** Writes `bytes` to a new hidden file in the artifacts folder, flushed to disk. */
export function stageFile(root: string, bytes: Uint8Array): string {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const path = join(root, `.staging-${randomBytes(8).toString('hex')}`);
  const fd = openSync(path, 'wx', 0o600);
  try {
    for (let done = 0; done < bytes.length;)
      done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return path;
}

export interface Placement {
  /** Once the row is committed: drop the previous content. */
  commit(): void;
  /** When the transaction failed: put the previous content back, or remove the new file. */
  undo(): void;
}

/** Moves a staged file to `target`, keeping the file it replaces aside until commit or undo. */
export function placeFile(staged: string, target: string): Placement {
  const folder = dirname(target);
  const createdFolder = !existsSync(folder);
  if (createdFolder) mkdirSync(folder, { recursive: true, mode: 0o700 });
  const backup = existsSync(target) ? `${staged}.previous` : null;
  if (backup) renameSync(target, backup);
  try {
    renameSync(staged, target);
  } catch (error) {
    if (backup) renameSync(backup, target);
    throw error;
  }
  return {
    commit: () => {
      if (backup) rmSync(backup, { force: true });
    },
    undo: () => {
      if (backup) renameSync(backup, target);
      else rmSync(target, { force: true });
      if (createdFolder) removeIfEmpty(folder);
    },
  };
}

function removeIfEmpty(folder: string): void {
  try {
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  } catch {
    // already gone, or another writer just put a file there: either way it stays correct
  }
}

/** Up to `length` bytes from `offset`; fewer at the end of the file. */
export function readRange(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const count = readSync(fd, buffer, read, length - read, offset + read);
      if (count === 0) break;
      read += count;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the artifact folders of tasks that no longer exist, once their deletion is committed.
 * It sweeps every folder, so one left behind by a deletion inside a larger transaction goes too.
 */
export function removeArtifactFolders(store: Store): void {
  const root = artifactRoot(store);
  if (!root || !existsSync(root)) return;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^[1-9]\d*$/.test(entry.name)) continue;
    if (!store.tasks.get(Number(entry.name)))
      rmSync(join(root, entry.name), { recursive: true, force: true });
  }
}
