// What `orchestron doctor` says about running code here: the sandbox runs get by default, what
// it guarantees with the default limits, and how to get a stronger one.
import type { SandboxDescription } from './run-types.ts';
import {
  describeBubblewrap,
  describeRlimits,
  type DescribedLimits,
} from './sandbox-description.ts';
import { NOBODY, type SandboxTools } from './sandbox-probe.ts';

export interface SandboxReport extends SandboxDescription {
  summary: string;
  /** What to do for a stronger sandbox; null when this is the strongest the runner has. */
  howToStrengthen: string | null;
}

const DEFAULT_LIMITS: DescribedLimits = {
  timeoutSeconds: 30,
  cpuSeconds: 61,
  memoryMb: 512,
  maxProcesses: 256,
  maxFileMb: 1024,
  memory: 'address-space',
  writable: ["the run's folder"],
};

function howToStrengthen(tools: SandboxTools): string | null {
  if (tools.bwrap === null)
    return 'Install bubblewrap (on Debian or Ubuntu: apt-get install bubblewrap) to run code without network, with read-only system folders and nothing else of the machine visible.';
  if (!tools.bwrapWorks)
    return 'bubblewrap is installed but cannot create namespaces here: allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or an AppArmor profile for bwrap on Ubuntu 24.04) or run outside this container.';
  if (tools.isRoot && !tools.bwrapWorksAsNobody)
    return 'Allow unprivileged user namespaces so runs can drop from root to nobody and the process limit applies.';
  return null;
}

export function describeSandbox(tools: SandboxTools): SandboxReport {
  const self = process.getuid?.() ?? 0;
  const kind = tools.bwrapWorks ? 'bubblewrap' : 'rlimits';
  const dropsToNobody =
    tools.isRoot && tools.setpriv !== null && (kind === 'rlimits' || tools.bwrapWorksAsNobody);
  const uid = dropsToNobody ? NOBODY : self;
  const description =
    kind === 'bubblewrap'
      ? describeBubblewrap(DEFAULT_LIMITS, uid)
      : describeRlimits(DEFAULT_LIMITS, uid);
  return {
    ...description,
    summary:
      kind === 'bubblewrap'
        ? 'Code runs in a bubblewrap sandbox: no network, read-only system, only its own folder writable.'
        : 'Code runs as a plain process with resource limits and a scrubbed environment: it can read the machine and use the network.',
    howToStrengthen: howToStrengthen(tools),
  };
}
