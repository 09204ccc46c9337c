// Where the MCP socket of a database lives: one per database file, so a bridge finds the core
// that serves its own database. A Unix socket in an owner-only folder under the data directory
// (a named pipe on Windows), short enough for sun_path.
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { defaultDataDir } from '../../core/store/data-dir.ts';
import { AppError } from '../../shared/errors.ts';

/** sun_path holds 108 bytes on Linux and 104 on macOS, each with a closing NUL. */
const MAX_SOCKET_PATH_BYTES = 103;

/** The database file's real path (symlinks resolved), also before the file exists. */
export function realDatabasePath(databasePath: string): string {
  const absolute = resolve(databasePath);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export interface SocketPathOptions {
  /** Defaults to the per-user data folder (ORCHESTRON_HOME, XDG, …). */
  dataDir?: string;
  platform?: NodeJS.Platform;
}

/**
 * `<dataDir>/run/<hash of the database's real path>.sock`; when a long data folder would
 * overflow sun_path, an owner-only folder in the system temp folder instead.
 */
export function socketPathFor(databasePath: string, options: SocketPathOptions = {}): string {
  const hash = shortHash(realDatabasePath(databasePath));
  if ((options.platform ?? process.platform) === 'win32') return `\\\\.\\pipe\\orchestron-${hash}`;
  const preferred = join(options.dataDir ?? defaultDataDir(), 'run', `${hash}.sock`);
  if (Buffer.byteLength(preferred) <= MAX_SOCKET_PATH_BYTES) return preferred;
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `orchestron-${user}`, `${hash}.sock`);
}

export function isNamedPipe(path: string): boolean {
  return path.startsWith('\\\\.\\pipe\\');
}

/**
 * Creates the socket's folder readable by its owner only, and refuses one that is a symlink or
 * belongs to someone else (a folder in /tmp may have been made by another user).
 */
export function ensureSocketFolder(socketPath: string): void {
  if (isNamedPipe(socketPath)) return;
  const folder = dirname(socketPath);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  const uid = typeof process.getuid === 'function' ? process.getuid() : stat.uid;
  if (!stat.isDirectory() || stat.uid !== uid) {
    throw new AppError(
      'FORBIDDEN',
      `The socket folder ${folder} is not a folder owned by this user; remove it and start again.`,
      { folder },
    );
  }
  if ((stat.mode & 0o777) !== 0o700) chmodSync(folder, 0o700);
}
