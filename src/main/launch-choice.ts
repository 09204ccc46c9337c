// `npm start` and `npm run dev` decide here whether the desktop window can open, and if not,
// say why in one line and serve the same app in the browser. Pure, so every case is tested on
// a machine where Electron itself can never start.
import { join } from 'node:path';

export interface LaunchFacts {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  args: readonly string[];
  /** The effective user id on POSIX systems; undefined on Windows. */
  uid: number | undefined;
  /** Where Electron's executable is, or why there is none. */
  electron: ElectronBinary;
}

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export type LaunchChoice =
  { shell: 'electron'; binary: string } | { shell: 'browser'; reason: string; forced: boolean };

/** The one line printed before serving in the browser instead. */
export function fallbackLine(reason: string, forced: boolean): string {
  return forced
    ? `orchestron: ${reason}; serving the app in your browser.`
    : `orchestron: the desktop window cannot open (${reason}); serving the same app in your browser instead.`;
}

/**
 * Why the desktop window cannot open here whatever Electron's binary, or null when it may:
 * checked first, so no binary is downloaded for a machine that could not show it.
 */
export function launchBlocker(facts: Omit<LaunchFacts, 'electron'>): LaunchChoice | null {
  if (facts.args.includes('--browser') || facts.env['ORCHESTRON_SHELL'] === 'browser') {
    return { shell: 'browser', reason: 'browser mode was asked for', forced: true };
  }
  if (facts.platform !== 'linux') return null;
  if (!facts.env['DISPLAY'] && !facts.env['WAYLAND_DISPLAY']) {
    return {
      shell: 'browser',
      reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set',
      forced: false,
    };
  }
  // Chromium refuses root unless its sandbox is switched off, which the app never does
  if (facts.uid === 0) {
    return {
      shell: 'browser',
      reason: 'Electron does not run as root with its sandbox on; start it as a normal user',
      forced: false,
    };
  }
  return null;
}

export function chooseLaunch(facts: LaunchFacts): LaunchChoice {
  const blocked = launchBlocker(facts);
  if (blocked) return blocked;
  if (!facts.electron.found)
    return { shell: 'browser', reason: facts.electron.reason, forced: false };
  return { shell: 'electron', binary: facts.electron.path };
}

export interface BinaryLookup {
  /** The `electron` package folder (node_modules/electron). */
  packageDir: string;
  env: Record<string, string | undefined>;
  readText(path: string): string | null;
  exists(path: string): boolean;
}

/**
 * Finds Electron's executable the way the `electron` package does (path.txt under dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH), without its side effect: requiring the package downloads the
 * binary when it is missing, which must be tried on purpose and may fail offline.
 */
export function locateElectron(lookup: BinaryLookup): ElectronBinary {
  if (!lookup.exists(join(lookup.packageDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const relative = lookup.readText(join(lookup.packageDir, 'path.txt'))?.trim() || null;
  const override = lookup.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, relative ?? 'electron');
    return lookup.exists(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron at ${path}` };
  }
  if (relative === null)
    return { found: false, reason: 'the Electron binary is not downloaded yet' };
  const path = join(lookup.packageDir, 'dist', relative);
  return lookup.exists(path)
    ? { found: true, path }
    : { found: false, reason: `the Electron binary is missing from ${path}` };
}

/** The first line of a failed download's output that says what went wrong, shortened. */
export function downloadFailureReason(output: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  const line =
    lines.find(
      (text) => /error|failed|ENOTFOUND|EAI_AGAIN|ECONN/i.test(text) && !text.startsWith('at '),
    ) ??
    lines.find((text) => text !== '') ??
    'no output';
  const short = line.length > 120 ? `${line.slice(0, 119)}…` : line;
  return `the Electron binary is not installed and downloading it failed: ${short}`;
}

/** Electron that exits with an error this soon never showed a window worth keeping. */
export const STARTUP_GRACE_MS = 15_000;

/**
 * After Electron exits: a failure right at start-up (missing system libraries, no GPU, a bad
 * display) falls back to the browser with its last error line; a normal quit, or a failure
 * after it ran a while, ends `npm start` with Electron's code.
 */
export function afterElectronExit(exit: {
  code: number | null;
  signal: string | null;
  ranForMs: number;
  lastErrorLine: string | null;
}): { fallback: true; reason: string } | { fallback: false; exitCode: number } {
  const failed = exit.code !== 0 && exit.signal !== 'SIGINT' && exit.signal !== 'SIGTERM';
  if (failed && exit.ranForMs < STARTUP_GRACE_MS) {
    const how =
      exit.code === null
        ? `was killed by ${exit.signal ?? 'a signal'}`
        : `exited with code ${exit.code}`;
    const detail = exit.lastErrorLine ? `: ${exit.lastErrorLine}` : '';
    return { fallback: true, reason: `Electron ${how} while starting${detail}` };
  }
  return { fallback: false, exitCode: exit.code ?? 1 };
}
