// Database file sizes: the main file and its WAL right after the import, and the main file once
// the last connection closed (SQLite checkpoints the WAL into it and removes it then).
import { statSync } from 'node:fs';

function bytesOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function openFileSizes(databasePath: string): { databaseBytes: number; walBytes: number } {
  return { databaseBytes: bytesOf(databasePath), walBytes: bytesOf(`${databasePath}-wal`) };
}

/** Call after the orchestrator is disposed; a WAL left behind counts too. */
export function closedFileBytes(databasePath: string): number {
  return bytesOf(databasePath) + bytesOf(`${databasePath}-wal`);
}
