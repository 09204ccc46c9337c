// Finds out once which sandbox tools work on this machine, by running them: bubblewrap is
// installed in many places where it cannot create namespaces (containers, AppArmor's
// user-namespace restriction), so only a real `bwrap ... true` counts.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** The unprivileged user a run drops to when Orchestron runs as root. */
export const NOBODY = 65534;

export interface SandboxTools {
  bwrap: string | null;
  prlimit: string | null;
  setpriv: string | null;
  /** bubblewrap creates its namespaces when started by the current user. */
  bwrapWorks: boolean;
  /** ... and when started as `nobody` (root only: a user namespace made without privileges). */
  bwrapWorksAsNobody: boolean;
  isRoot: boolean;
}

function executable(path: string): string | null {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}

/** The smallest sandbox a run uses, with the flags every run passes. */
export function bwrapProbeArgs(): string[] {
  return [
    ...['--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL'],
    ...['--ro-bind', '/usr', '/usr', '--symlink', 'usr/bin', '/bin'],
    ...['--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64'],
    ...['--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--', '/usr/bin/true'],
  ];
}

function succeeds(file: string, args: string[]): boolean {
  const result = spawnSync(file, args, { stdio: 'ignore', timeout: 5000, env: {} });
  return result.status === 0;
}

export function probeSandboxTools(): SandboxTools {
  const bwrap = executable('/usr/bin/bwrap');
  const setpriv = executable('/usr/bin/setpriv');
  const isRoot = process.getuid?.() === 0;
  const bwrapWorks = bwrap !== null && succeeds(bwrap, bwrapProbeArgs());
  const bwrapWorksAsNobody =
    bwrapWorks &&
    isRoot &&
    setpriv !== null &&
    succeeds(setpriv, [...dropToNobodyArgs(), bwrap, ...bwrapProbeArgs()]);
  return {
    bwrap,
    prlimit: executable('/usr/bin/prlimit'),
    setpriv,
    bwrapWorks,
    bwrapWorksAsNobody,
    isRoot,
  };
}

/** setpriv's arguments (before the command) that make the rest run as nobody. */
export function dropToNobodyArgs(): string[] {
  return [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--'];
}
