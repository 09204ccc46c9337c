// Words for what a sandbox holds a run to and what it does not: recorded on every run and shown
// by `orchestron doctor`, so nobody reads more into "sandboxed" than is there.
import type { SandboxDescription } from './run-types.ts';
import type { LaunchPlan } from './languages.ts';

export interface DescribedLimits {
  timeoutSeconds: number;
  cpuSeconds: number;
  memoryMb: number;
  maxProcesses: number;
  maxFileMb: number;
  memory: LaunchPlan['memory'];
  writable: string[];
}

function limitLines(limits: DescribedLimits, uid: number): string[] {
  const lines = [
    `Killed with all its processes after ${limits.timeoutSeconds} s (wall clock); at most ${limits.cpuSeconds} s of CPU per process.`,
    limits.memory === 'node-heap'
      ? `Node's heap is limited to ${limits.memoryMb} MB.`
      : `Address space is limited to ${limits.memoryMb} MB per process.`,
    `Files it writes are limited to ${limits.maxFileMb} MB each.`,
    `Writable: only ${limits.writable.join(' and ')}.`,
  ];
  if (uid !== 0) lines.push(`At most ${limits.maxProcesses} processes and threads at once.`);
  return lines;
}

function commonGaps(limits: DescribedLimits, uid: number): string[] {
  const gaps: string[] = [];
  if (limits.memory === 'node-heap')
    gaps.push("Memory outside Node's heap (buffers, native code) is not limited.");
  if (uid === 0)
    gaps.push(
      'Runs as root: the process limit does not apply to root, so a fork bomb is stopped only by the timeout.',
    );
  return gaps;
}

export function describeBubblewrap(limits: DescribedLimits, uid: number): SandboxDescription {
  return {
    kind: 'bubblewrap',
    uid,
    guarantees: [
      'No network: its own network namespace holds only loopback.',
      'Sees read-only system folders (/usr, a few files of /etc) and nothing else of the machine: no home, no other projects, no Orchestron data.',
      'Private /tmp in memory; environment cleared to PATH, LANG, HOME, TMPDIR.',
      'All capabilities dropped, its own session, PID, IPC and user namespaces; it dies with Orchestron.',
      ...limitLines(limits, uid),
    ],
    gaps: commonGaps(limits, uid),
  };
}

export function describeRlimits(limits: DescribedLimits, uid: number): SandboxDescription {
  return {
    kind: 'rlimits',
    uid,
    guarantees: [
      'Environment scrubbed to PATH, LANG, HOME, TMPDIR: no API keys, tokens or Orchestron settings.',
      'A private run folder is its home, temporary and (by default) current folder.',
      ...limitLines(limits, uid).filter((line) => !line.startsWith('Writable')),
    ],
    gaps: [
      'The network is reachable.',
      `It can read and write whatever user ${uid} may on this machine: home, projects, Orchestron's database.`,
      'A process that leaves the run (new session, reparented) before it ends can outlive it.',
      ...commonGaps(limits, uid),
    ],
  };
}
