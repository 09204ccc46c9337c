// How an MCP client on this machine starts the stdio bridge to this core's database: the facts
// `orchestron mcp config` and the page's "Connect an agent" panel both build their text from.
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { LauncherFacts } from '../../shared/mcp/mcp-config.ts';
import { packageRoot } from '../package-root.ts';
import { resolveDatabasePath } from '../store/data-dir.ts';

/** Where `name` on PATH really leads, or null; on Windows npm puts a .cmd shim there. */
export function onPath(name: string): string | null {
  const names = process.platform === 'win32' ? [`${name}.cmd`, `${name}.exe`, name] : [name];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const file of names) {
      try {
        const path = join(dir, file);
        accessSync(path, constants.X_OK);
        return realpathSync(path);
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** This checkout's (or install's) bin/orchestron.mjs, symlinks resolved. */
export function orchestronBin(): string {
  return realpathSync(join(packageRoot(import.meta.dirname), 'bin', 'orchestron.mjs'));
}

/** orchestronBin(), or null for an install without one (the packaged desktop app). */
export function installedBin(): string | null {
  try {
    return orchestronBin();
  } catch {
    return null;
  }
}

/**
 * The launcher facts for a core on `databasePath`: `--db` is named only when it is not the
 * database a bare `orchestron mcp` would open, so the bridge reaches the same tasks.
 */
export function launcherFactsFor(databasePath: string): LauncherFacts {
  const database = resolve(databasePath);
  const globalArgs = database === resolveDatabasePath() ? [] : ['--db', database];
  return { onPath: onPath('orchestron'), bin: orchestronBin(), node: process.execPath, globalArgs };
}
