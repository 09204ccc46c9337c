// Where Orchestron keeps its data: the per-user application data folder of the platform, or
// ORCHESTRON_HOME, or an explicit database path (--db). Folders are created owner-only.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const DATABASE_FILE = 'orchestron.db';

export interface DataDirContext {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
}

const defaultContext = (): DataDirContext => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
});

/** The per-user data folder: XDG on Linux, Application Support on macOS, %APPDATA% on Windows. */
export function defaultDataDir(context: DataDirContext = defaultContext()): string {
  const { env, platform, home } = context;
  if (env['ORCHESTRON_HOME']) return resolve(env['ORCHESTRON_HOME']);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Orchestron');
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Orchestron');
  return join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), 'orchestron');
}

export function resolveDatabasePath(
  explicit?: string,
  context: DataDirContext = defaultContext(),
): string {
  return explicit ? resolve(explicit) : join(defaultDataDir(context), DATABASE_FILE);
}

/** Creates the folder of a database file, readable by its owner only when we create it. */
export function ensureDatabaseFolder(databasePath: string): void {
  const folder = dirname(databasePath);
  if (existsSync(folder)) return;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
}
