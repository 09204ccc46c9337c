// Shared by the runner tests: a fresh folder for each run and a run that collects its live output.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeRunner } from '../../../src/core/runs/code-runner.ts';
import type { RunResult, RunSpec } from '../../../src/core/runs/run-types.ts';

export interface TempRoot {
  path: string;
  /** A new, not yet existing run folder under the root. */
  runDirectory(): string;
  remove(): void;
}

export function tempRoot(): TempRoot {
  const path = mkdtempSync(join(tmpdir(), 'orchestron-runs-'));
  // runs drop to nobody when the tests run as root: nobody must be able to pass through
  chmodSync(path, 0o755);
  let count = 0;
  return {
    path,
    runDirectory: () => join(path, `run-${++count}`),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export interface Collected {
  result: RunResult;
  live: string;
}

export async function runToEnd(
  runner: CodeRunner,
  spec: Omit<RunSpec, 'runDirectory'>,
  root: TempRoot,
): Promise<Collected> {
  let live = '';
  const handle = runner.start(
    { timeoutSeconds: 20, ...spec, runDirectory: root.runDirectory() },
    { onOutput: (chunk) => void (live += chunk) },
  );
  return { result: await handle.done, live };
}

/** Output without the terminal's carriage returns. */
export function plain(text: string): string {
  return text.replaceAll('\r\n', '\n');
}

/** Pids of live processes whose command line holds `marker`. */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) found.push(Number(name));
    } catch {
      // gone already
    }
  }
  return found;
}
