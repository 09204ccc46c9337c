// What `npm start` and `npm run dev` share: finding (or fetching) Electron's binary, deciding
// between the desktop window and the browser (src/main/launch-choice.ts), and running
// `orchestron serve` as the fallback with the terminal's signals passed on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chooseLaunch,
  downloadFailureReason,
  launchBlocker,
  locateElectron,
  type ElectronBinary,
  type LaunchChoice,
  type LaunchFacts,
} from '../src/main/launch-choice.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');
/** A first download of Electron (~100 MB) on a slow line; offline it fails within a second. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function findElectron(): ElectronBinary {
  return locateElectron({
    packageDir: ELECTRON_PACKAGE,
    env: process.env,
    readText,
    exists: existsSync,
  });
}

/** The electron package downloads its binary on first use; do that here, on purpose, once. */
function downloadElectron(): ElectronBinary {
  process.stderr.write('orchestron: fetching the Electron binary (first run)…\n');
  const result = spawnSync(process.execPath, [join(ELECTRON_PACKAGE, 'install.js')], {
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (result.status === 0) return findElectron();
  const output = `${result.error?.message ?? ''}\n${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  return { found: false, reason: downloadFailureReason(output) };
}

/** Decides where the app opens; `args` are the script's own (`--browser` among them). */
export function decideLaunch(args: readonly string[]): LaunchChoice {
  const facts: Omit<LaunchFacts, 'electron'> = {
    platform: process.platform,
    env: process.env,
    args,
    uid: process.getuid?.(),
  };
  const blocked = launchBlocker(facts);
  if (blocked) return blocked;
  let electron = findElectron();
  const installed = existsSync(join(ELECTRON_PACKAGE, 'package.json'));
  if (!electron.found && installed && !process.env['ELECTRON_OVERRIDE_DIST_PATH'])
    electron = downloadElectron();
  return chooseLaunch({ ...facts, electron });
}

/** Runs `orchestron serve` with these arguments until it ends; resolves with its exit code. */
export function runServe(
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<number> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(ROOT, 'bin', 'orchestron.mjs'), 'serve', ...args],
    {
      stdio: 'inherit',
      cwd: process.cwd(),
    },
  );
  return supervise(child);
}

/** Passes SIGINT/SIGTERM on to the child and resolves with how it ended. */
export function supervise(child: ReturnType<typeof spawn>): Promise<number> {
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolveExit) => {
    child.once('error', (error) => {
      process.stderr.write(
        `orchestron: could not start ${String(child.spawnfile)}: ${error.message}\n`,
      );
      resolveExit(1);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolveExit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}
