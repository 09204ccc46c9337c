// Resolves a run's working_directory and refuses one that could reach outside the project's
// root: `..` anywhere, or a path (or symlink) that resolves elsewhere. Checked before anything runs.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors.ts';

function refuse(message: string): AppError {
  return new AppError('VALIDATION', message, { field: 'workingDirectory' });
}

function realDirectory(path: string, what: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new AppError('NOT_FOUND', `The ${what} ${path} does not exist; create it first.`, {
      field: 'workingDirectory',
    });
  }
  if (!statSync(real).isDirectory()) throw refuse(`The ${what} ${path} is not a folder.`);
  return real;
}

/** The real path of the working directory, inside the real project root; throws otherwise. */
export function resolveWorkingDirectory(workingDirectory: string, projectRoot?: string): string {
  if (projectRoot === undefined || !isAbsolute(projectRoot))
    throw refuse("A working directory needs the project's root as an absolute path.");
  if (workingDirectory.split(/[\\/]/).includes('..'))
    throw refuse(
      `The working directory ${workingDirectory} contains "..": name a folder inside the project without going up.`,
    );
  const root = realDirectory(projectRoot, "project's root");
  const wanted = isAbsolute(workingDirectory)
    ? workingDirectory
    : resolve(projectRoot, workingDirectory);
  const real = realDirectory(wanted, 'working directory');
  if (real !== root && !real.startsWith(root + sep))
    throw refuse(
      `The working directory ${workingDirectory} is outside the project's root ${projectRoot}; name a folder inside it.`,
    );
  return real;
}
