// What `orchestron doctor` reports about running code here: the sandbox (from the engine's
// probe), each language's runtime with its version or how to install it, and the installers
// that `packages` needs.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import type { OperationOutput } from '../../shared/operations/registry.ts';
import type { RunLanguage } from '../../shared/operations/runs.ops.ts';
import { SYSTEM_SEARCH_PATH } from './languages.ts';
import type { SandboxReport } from './sandbox-report.ts';

type Report = OperationOutput<'get_doctor_report'>;
type Runtime = Report['runtimes'][number];

interface Wanted {
  name: string;
  languages: RunLanguage[];
  install: string;
  /** Where to look: runtimes in the system folders only, as the sandbox exposes nothing else. */
  path: () => string | null;
}

function inSystemFolders(name: string): string | null {
  for (const folder of SYSTEM_SEARCH_PATH) {
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next folder
    }
  }
  return null;
}

const WANTED: Wanted[] = [
  {
    name: 'python3',
    languages: ['python'],
    install: 'apt-get install python3 (Debian, Ubuntu)',
    path: () => inSystemFolders('python3'),
  },
  {
    name: 'bash',
    languages: ['bash'],
    install: 'apt-get install bash (Debian, Ubuntu)',
    path: () => inSystemFolders('bash'),
  },
  {
    name: 'node',
    languages: ['javascript', 'typescript', 'sql'],
    install: 'Orchestron runs on Node 24; it is always present',
    path: () => process.execPath,
  },
  {
    name: 'npm',
    languages: [],
    install:
      'install npm (it comes with Node.js) to use packages in javascript and typescript runs',
    path: () => inSystemFolders('npm'),
  },
];

/** The first line the program prints for --version, or null when it will not say. */
function versionOf(path: string): string | null {
  try {
    const out = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      timeout: 5_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.split('\n')[0]!.trim() || null;
  } catch {
    return null;
  }
}

function runtime(wanted: Wanted): Runtime {
  const path = wanted.path();
  return {
    name: wanted.name,
    languages: wanted.languages,
    path,
    version: path === null ? null : versionOf(path),
    install: path === null ? wanted.install : null,
  };
}

export function doctorReport(sandbox: SandboxReport): Report {
  const runtimes = WANTED.map(runtime);
  const missing = runtimes.filter((found) => found.path === null).map((found) => found.name);
  const { howToStrengthen, summary, ...description } = sandbox;
  return {
    sandbox: { ...description, summary, how_to_strengthen: howToStrengthen },
    runtimes,
    message: [
      summary,
      missing.length === 0
        ? 'Every runtime is present.'
        : `Missing: ${missing.join(', ')}; see how to install each below.`,
      howToStrengthen ?? 'This is the strongest sandbox Orchestron offers.',
    ].join(' '),
  };
}
