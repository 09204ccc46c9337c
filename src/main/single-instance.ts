// What a second launch of the app does: it hands its command line to the first instance and
// quits; the first brings its window forward and opens the files the second was given.
import { isAbsolute, resolve } from 'node:path';

/**
 * Files named on a launch's command line, as absolute paths. Chromium and Electron switches
 * (--foo) and the app path itself are not files; relative names resolve against the folder the
 * second instance was started in.
 */
export function filesFromArgv(
  argv: readonly string[],
  cwd: string,
  appPaths: readonly string[],
): string[] {
  // argv[0] is the executable; in development argv[1] is the app folder (".")
  return argv
    .slice(1)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
    .filter((path) => !appPaths.includes(path));
}

export type SecondInstanceAction =
  | { action: 'open-window'; files: string[] }
  | { action: 'focus-window'; restore: boolean; files: string[] };

export function secondInstanceAction(
  window: { exists: boolean; minimized: boolean },
  files: string[],
): SecondInstanceAction {
  if (!window.exists) return { action: 'open-window', files };
  return { action: 'focus-window', restore: window.minimized, files };
}
