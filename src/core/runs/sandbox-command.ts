// Wraps a run's command line in its sandbox: [setpriv to nobody] → prlimit → [bubblewrap] → the
// runtime. Every layer execs the next, except bubblewrap, which stays as the terminal's first
// process and the root of the run's PID namespace.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchPlan } from './languages.ts';
import type { SandboxDescription, SandboxKind } from './run-types.ts';
import { countTasksOf } from './process-tree.ts';
import {
  describeBubblewrap,
  describeRlimits,
  type DescribedLimits,
} from './sandbox-description.ts';
import { dropToNobodyArgs, NOBODY, type SandboxTools } from './sandbox-probe.ts';

export interface SandboxRequest {
  kind: SandboxKind;
  tools: SandboxTools & { prlimit: string };
  plan: LaunchPlan;
  uid: number;
  workFolder: string;
  workingDirectory: string | undefined;
  limits: { timeoutSeconds: number; memoryMb: number; maxProcesses: number; maxFileMb: number };
}

export interface SandboxedCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  description: SandboxDescription;
}

/** What runtimes read from /etc: the loader's cache, users, time zone, certificates. */
const ETC_ENTRIES = [
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'alternatives',
  'localtime',
  'nsswitch.conf',
  'passwd',
  'group',
  'hosts',
  'ssl',
  'ca-certificates',
  'python3',
];
const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

function rootLinks(): string[] {
  const args: string[] = [];
  for (const name of ['/bin', '/sbin', '/lib', '/lib32', '/lib64']) {
    if (!existsSync(name)) continue;
    if (lstatSync(name).isSymbolicLink()) args.push('--symlink', readlinkSync(name), name);
    else args.push('--ro-bind', name, name);
  }
  return args;
}

function bubblewrapArgs(request: SandboxRequest, cwd: string): string[] {
  const { workFolder, workingDirectory, plan } = request;
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL'];
  args.push('--ro-bind', '/usr', '/usr', ...rootLinks());
  for (const entry of ETC_ENTRIES) args.push('--ro-bind-try', `/etc/${entry}`, `/etc/${entry}`);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  for (const path of plan.runtimePaths)
    if (!path.startsWith('/usr/')) args.push('--ro-bind', path, path);
  args.push('--bind', workFolder, workFolder);
  if (workingDirectory) args.push('--bind', workingDirectory, workingDirectory);
  args.push('--chdir', cwd, '--clearenv');
  for (const [name, value] of Object.entries(runEnvironment(workFolder, '/tmp')))
    args.push('--setenv', name, value);
  return [...args, '--', ...plan.argv];
}

function runEnvironment(home: string, tmp: string): Record<string, string> {
  return { PATH: SYSTEM_PATH, LANG: 'C.UTF-8', HOME: home, TMPDIR: tmp, TERM: 'xterm-256color' };
}

/**
 * RLIMIT_NPROC counts every process of the user: for a shared uid outside a user namespace the
 * limit is what the user already runs plus the run's allowance.
 */
function processLimit(request: SandboxRequest): number {
  if (request.kind === 'bubblewrap') return request.limits.maxProcesses;
  return countTasksOf(request.uid) + request.limits.maxProcesses;
}

export function sandboxCommand(request: SandboxRequest): SandboxedCommand {
  const { kind, tools, plan, uid, workFolder, workingDirectory, limits } = request;
  const cwd = workingDirectory ?? workFolder;
  // a backstop behind the wall-clock timeout, doubled so two busy threads are not cut short
  const cpuSeconds = limits.timeoutSeconds * 2 + 1;
  const rlimits = [
    `--cpu=${cpuSeconds}`,
    `--fsize=${limits.maxFileMb * 1024 * 1024}`,
    `--nproc=${processLimit(request)}`,
    `--core=0`,
  ];
  if (plan.memory === 'address-space') rlimits.push(`--as=${limits.memoryMb * 1024 * 1024}`);
  const inner =
    kind === 'bubblewrap' ? [tools.bwrap!, ...bubblewrapArgs(request, cwd)] : [...plan.argv];
  const chain = [tools.prlimit, ...rlimits, '--', ...inner];
  if (uid === NOBODY) chain.unshift(tools.setpriv!, ...dropToNobodyArgs());
  const described: DescribedLimits = {
    ...limits,
    cpuSeconds,
    memory: plan.memory,
    writable: [`the run's folder`, ...(workingDirectory ? [workingDirectory] : [])],
  };
  return {
    file: chain[0]!,
    args: chain.slice(1),
    env: runEnvironment(workFolder, join(workFolder, '.tmp')),
    cwd,
    description:
      kind === 'bubblewrap' ? describeBubblewrap(described, uid) : describeRlimits(described, uid),
  };
}
