// How each language runs: the file its code is written to, the program that runs it and how
// its memory is bounded. Runtimes are looked up in the system folders only (not the caller's
// PATH), because those are what the sandbox exposes; Node is the one running Orchestron.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { Language } from './run-types.ts';
import { SQL_RUNNER } from './sql-script.ts';

export const SYSTEM_SEARCH_PATH: readonly string[] = ['/usr/local/bin', '/usr/bin', '/bin'];

export interface RuntimeOptions {
  /** Folders searched for python3 and bash; tests narrow it to prove a missing runtime. */
  searchPath?: readonly string[];
}

export interface LaunchPlan {
  /** File name, inside the run's work folder, that receives the code. */
  sourceName: string;
  /** The command line; argv[0] is an absolute path. */
  argv: string[];
  /**
   * How memoryMb is enforced: an address-space rlimit, or V8's heap limit for Node, which will not
   * start under an address-space limit below ~2 GB.
   */
  memory: 'address-space' | 'node-heap';
  /** Runtime files outside /usr that a sandbox must expose read-only. */
  runtimePaths: string[];
}

const INSTALL_HINTS: Record<string, string> = {
  python3: 'install Python 3 (on Debian or Ubuntu: apt-get install python3)',
  bash: 'install bash (on Debian or Ubuntu: apt-get install bash)',
};

function findRuntime(name: string, searchPath: readonly string[]): string {
  for (const folder of searchPath) {
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder; try the next
    }
  }
  throw new AppError(
    'NOT_FOUND',
    `${name} was not found in ${searchPath.join(', ')}; ${INSTALL_HINTS[name] ?? `install ${name}`}, then run again.`,
    { runtime: name, searched: [...searchPath] },
  );
}

function nodeArgs(memoryMb: number): string[] {
  // the heap is most of a Node program's memory; the rest (code, buffers) is not bounded
  return [process.execPath, `--max-old-space-size=${memoryMb}`];
}

/** The plan for one run; `sqlDatabase` is the database file the sql runner opens. */
export function planLaunch(
  language: Language,
  workFolder: string,
  memoryMb: number,
  sqlDatabase: { path: string; readOnly: boolean },
  options: RuntimeOptions = {},
): LaunchPlan {
  const searchPath = options.searchPath ?? SYSTEM_SEARCH_PATH;
  const inWork = (name: string) => join(workFolder, name);
  const node = { memory: 'node-heap' as const, runtimePaths: [process.execPath] };
  switch (language) {
    case 'python':
      return {
        sourceName: 'main.py',
        argv: [findRuntime('python3', searchPath), inWork('main.py')],
        memory: 'address-space',
        runtimePaths: [],
      };
    case 'bash':
      return {
        sourceName: 'main.sh',
        argv: [findRuntime('bash', searchPath), inWork('main.sh')],
        memory: 'address-space',
        runtimePaths: [],
      };
    case 'javascript':
      return { sourceName: 'main.js', argv: [...nodeArgs(memoryMb), inWork('main.js')], ...node };
    case 'typescript':
      // Node 24 strips erasable TypeScript syntax itself: no compiler at run time
      return { sourceName: 'main.ts', argv: [...nodeArgs(memoryMb), inWork('main.ts')], ...node };
    case 'sql':
      return {
        sourceName: 'main.sql',
        argv: [
          ...nodeArgs(memoryMb),
          '-e',
          SQL_RUNNER,
          inWork('main.sql'),
          sqlDatabase.path,
          sqlDatabase.readOnly ? '1' : '0',
        ],
        ...node,
      };
  }
}
