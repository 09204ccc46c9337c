// Runs bin/orchestron.mjs as a real process on a chosen Node (the system Node 20 to exercise the
// re-launch on the pinned Node 24), in temp folders, and finds the processes it starts.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/orchestron.mjs', import.meta.url));
export const SYSTEM_NODE = '/usr/bin/node';

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function systemNodeVersions(): NodeJS.ProcessVersions | null {
  if (!existsSync(SYSTEM_NODE)) return null;
  const run = spawnSync(SYSTEM_NODE, ['-p', 'JSON.stringify(process.versions)'], {
    encoding: 'utf8',
  });
  return run.status === 0 ? (JSON.parse(run.stdout) as NodeJS.ProcessVersions) : null;
}

/** process.versions of the system Node, or null when it does not run. */
export const SYSTEM_NODE_VERSIONS = systemNodeVersions();
const major = SYSTEM_NODE_VERSIONS && Number(SYSTEM_NODE_VERSIONS.node.split('.')[0]);

/** A reason to skip tests that need an old system Node (one without Node-API 10), or false. */
export const NO_OLD_NODE: string | false =
  major === null
    ? `${SYSTEM_NODE} does not exist or does not run`
    : major >= 22
      ? `${SYSTEM_NODE} is Node ${major}, which needs no re-launch`
      : false;

/** Runs `file args…` (file is the bin or a link to it) and waits for it to end. */
export function runFile(
  file: string,
  args: readonly string[],
  options: { node?: string; cwd?: string; env?: Record<string, string> } = {},
): BinRun {
  return finish(
    spawnSync(options.node ?? process.execPath, [file, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ORCHESTRON_ACTOR: 'bin-test', ...options.env },
    }),
  );
}

/** Runs `bash -c script` with $1… set to `args`, for command lines that JavaScript cannot spell. */
export function runBash(script: string, args: readonly string[], options: SpawnSyncOptions = {}) {
  return finish(spawnSync('/bin/bash', ['-c', script, 'bash', ...args], options));
}

function finish(result: ReturnType<typeof spawnSync>): BinRun {
  if (result.error) throw result.error;
  return {
    code: result.status,
    signal: result.signal,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  };
}

/** A fresh temp folder and its removal. */
export function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'orchestron-bin-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The ids of the processes whose parent is `pid` (Linux, through /proc). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** Whether a process with this id still exists (zombies included: they are gone once reaped). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
