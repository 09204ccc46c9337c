// Decides which user a run executes as. Orchestron running as root drops the code to `nobody`:
// root ignores RLIMIT_NPROC (a fork bomb would go unchecked) and, without bubblewrap, would run
// the code with every privilege. The drop only works when nobody can reach what the run needs,
// which is read from the permission bits before anything starts.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { NOBODY, type SandboxTools } from './sandbox-probe.ts';

type Access = 'read' | 'execute' | 'write';

const BITS: Record<Access, { owner: number; other: number }> = {
  read: { owner: 0o400, other: 0o004 },
  execute: { owner: 0o100, other: 0o001 },
  write: { owner: 0o200, other: 0o002 },
};

function allows(path: string, access: Access): boolean {
  try {
    const stat = statSync(path);
    const bits = BITS[access];
    return (stat.mode & (stat.uid === NOBODY ? bits.owner : bits.other)) !== 0;
  } catch {
    return false;
  }
}

function reachable(path: string): boolean {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    if (!allows(folder, 'execute')) return false;
    if (folder === dirname(folder)) return true;
  }
}

export interface RunAsNeeds {
  /** Programs the run executes (runtimes outside /usr). */
  programs: string[];
  /** Folders the run must write besides its own work folder (a working directory). */
  writable: string[];
  /** The run's work folder, made nobody's own; only its parents need to be passable. */
  workFolder: string;
}

/** The uid to run as: nobody when root can drop to it and nobody can reach everything needed. */
export function chooseRunAs(tools: SandboxTools, needs: RunAsNeeds): number {
  const self = process.getuid?.() ?? 0;
  if (!tools.isRoot || tools.setpriv === null) return self;
  const ok =
    reachable(needs.workFolder) &&
    needs.programs.every(
      (path) => reachable(path) && allows(path, 'read') && allows(path, 'execute'),
    ) &&
    needs.writable.every(
      (path) => reachable(path) && allows(path, 'write') && allows(path, 'execute'),
    );
  return ok ? NOBODY : self;
}
