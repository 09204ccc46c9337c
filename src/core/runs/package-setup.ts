// Installs the packages a run names into its work folder before the code starts: npm for
// javascript and typescript (node resolves work/node_modules from the source file), pip for
// python (--target the work folder, which is first on the program's sys.path). It runs outside
// the sandbox, with install scripts off; its failure is the setup's, never the code's.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import type { RunLanguage } from '../../shared/operations/runs.ops.ts';
import type { PackageSetup } from './run-records.ts';

/** An install gets this long: npm's first fetch of a small package takes seconds. */
export const SETUP_TIMEOUT_MS = 180_000;
/** The installer's output kept in the record: the end, where the error is. */
const OUTPUT_KEPT = 4_000;

/**
 * npm names (optionally scoped) with an optional version or range; no paths, URLs, git specs or
 * anything starting with '-', which npm would read as an option.
 */
const NPM_SPEC =
  /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(?:@[A-Za-z0-9.^~<>=*|+-][A-Za-z0-9.^~<>=*| +-]*)?$/;
/** PEP 508 names with an optional version clause; no extras, URLs or paths. */
const PIP_SPEC =
  /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:(?:==|>=|<=|~=|!=|>|<)[A-Za-z0-9.*+!-]+)?$/;

export type PackageManager = PackageSetup['manager'];

/** Which installer a language's packages need; VALIDATION for languages without one. */
export function managerFor(language: RunLanguage): PackageManager {
  if (language === 'javascript' || language === 'typescript') return 'npm';
  if (language === 'python') return 'pip';
  throw new AppError(
    'VALIDATION',
    `packages apply to javascript, typescript (npm) and python (pip) runs, not ${language}; leave packages out.`,
    { field: 'packages' },
  );
}

/** Refuses any name that is not a plain package name (with an optional version). */
export function checkPackageNames(manager: PackageManager, names: readonly string[]): void {
  const pattern = manager === 'npm' ? NPM_SPEC : PIP_SPEC;
  for (const name of names)
    if (!pattern.test(name))
      throw new AppError(
        'VALIDATION',
        manager === 'npm'
          ? `${JSON.stringify(name)} is not an npm package name; give names such as is-number, @scope/name or lodash@4 (no paths, URLs or options).`
          : `${JSON.stringify(name)} is not a Python package name; give names such as requests or requests==2.32.0 (no paths, URLs or options).`,
        { field: 'packages', package: name },
      );
}

function installCommand(manager: PackageManager, python: string, work: string, names: string[]) {
  if (manager === 'npm')
    return {
      file: 'npm',
      args: [
        'install',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--prefix',
        work,
        '--',
        ...names,
      ],
    };
  return {
    file: python,
    args: [
      '-m',
      'pip',
      'install',
      '--no-input',
      '--disable-pip-version-check',
      '--target',
      work,
      '--',
      ...names,
    ],
  };
}

export interface SetupOptions {
  manager: PackageManager;
  packages: string[];
  workFolder: string;
  /** The python3 the run uses, so packages land for that interpreter. */
  python: string;
  signal: AbortSignal;
}

/** Installs the packages; resolves with what happened, never rejects. */
export function installPackages(options: SetupOptions): Promise<PackageSetup> {
  const { manager, packages, workFolder, python, signal } = options;
  mkdirSync(workFolder, { recursive: true });
  const started = performance.now();
  const { file, args } = installCommand(manager, python, workFolder, packages);
  return new Promise((resolve) => {
    let output = '';
    const keep = (data: Buffer) => {
      output = (output + data.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    const end = (ok: boolean, note?: string) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      const text = (note ? `${output}\n${note}` : output).trim().slice(-OUTPUT_KEPT);
      resolve({
        manager,
        packages,
        ok,
        output: text,
        duration_ms: Math.round(performance.now() - started),
      });
    };
    const child = spawn(file, args, {
      cwd: workFolder,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false', PIP_NO_INPUT: '1' },
    });
    const abort = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      abort();
      output += `\nThe install took longer than ${SETUP_TIMEOUT_MS / 1000} s and was stopped.`;
    }, SETUP_TIMEOUT_MS);
    signal.addEventListener('abort', abort, { once: true });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => end(false, `${file} could not be started: ${error.message}`));
    child.on('close', (code) =>
      end(code === 0, code === 0 ? undefined : `${manager} install ended with exit code ${code}.`),
    );
  });
}
